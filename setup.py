"""The two build steps pyproject.toml cannot express (everything else is there).

1. ``resources/`` stays at the top of the repository but installs as the package
   ``carnet.resources``, so ``importlib.resources`` finds it the same way in a
   checkout's editable install, a wheel and a PyInstaller bundle.
2. Building the wheel compiles each gettext catalogue (``.po``) into the ``.mo``
   that an installed Carnet reads; none is committed or made at first run.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo  # babel: a build requirement (pyproject.toml)
from babel.messages.pofile import read_po
from setuptools import find_packages, setup
from setuptools.command.build_py import build_py


def compile_catalogues(resources: Path) -> list[Path]:
    """Write ``carnet.mo`` beside each ``carnet.po`` under ``resources`` (fuzzy left out)."""
    written = []
    for po in sorted(resources.glob("locale/*/LC_MESSAGES/carnet.po")):
        language = po.parents[1].name
        with po.open("rb") as source:
            messages = read_po(source, locale=language, domain="carnet")
        compiled = BytesIO()
        write_mo(compiled, messages)
        mo = po.with_suffix(".mo")
        mo.write_bytes(compiled.getvalue())
        written.append(mo)
    if not written:
        raise SystemExit(f"no translation catalogue found under {resources}")
    return written


class BuildPy(build_py):
    """``build_py`` that also compiles the catalogues into the build folder."""

    def run(self) -> None:
        super().run()
        # An editable install reads the source tree, where nothing is to be written:
        # carnet.i18n compiles the .po in memory there.
        if not self.editable_mode:
            compile_catalogues(Path(self.build_lib) / "carnet" / "resources")


setup(
    packages=[*find_packages("src"), "carnet.resources"],
    package_dir={"": "src", "carnet.resources": "resources"},
    # package_data alone says what the wheel holds (MANIFEST.in is for the sdist).
    include_package_data=False,
    package_data={"carnet": ["py.typed"], "carnet.resources": ["**/*"]},
    exclude_package_data={"carnet.resources": ["*.pyc", "*.mo"]},
    cmdclass={"build_py": BuildPy},
)
