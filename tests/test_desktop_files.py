"""The desktop entry, the AppStream metainfo, the Flatpak manifest and the menu install.

``desktop-file-validate`` (desktop-file-utils) and ``appstreamcli`` (appstream) are
Debian packages; where they are missing the checks that need them skip and say so.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from carnet import APP_ID, __version__
from carnet.paths import resources_dir
from carnet.ui import desktop_entry

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = resources_dir() / "desktop" / f"{APP_ID}.desktop"
METAINFO = resources_dir() / "desktop" / f"{APP_ID}.metainfo.xml"
FLATPAK = ROOT / "packaging" / "flatpak" / f"{APP_ID}.json"


def tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (Debian: apt install {package})")
    return found


def validate(args: list[str]) -> None:
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_desktop_entry_is_valid() -> None:
    validate([tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)])


def test_the_metainfo_is_valid_offline() -> None:
    validate([tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO)])


def test_the_metainfo_says_what_a_software_centre_shows() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("developer/name") == "The Carnet developers"
    urls = {url.get("type"): url.text for url in component.iter("url")}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert urls["homepage"] == project["urls"]["Homepage"]
    assert urls["bugtracker"] == project["urls"]["Issues"]
    images = [image.text or "" for image in component.iter("image")]
    assert images
    for image in images:  # each one of the committed screenshots
        assert (ROOT / "docs" / "screenshots" / image.rsplit("/", 1)[1]).is_file(), image


def test_the_newest_release_is_this_version_with_notes_and_a_changelog_section() -> None:
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases[0].get("version") == __version__
    assert (releases[0].findtext("description/p") or "").strip()
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(__version__)} — \d{{4}}-\d\d-\d\d$", changelog, re.M)


def test_the_flatpak_manifest_allows_printing_but_no_network() -> None:
    manifest = json.loads(FLATPAK.read_text(encoding="utf-8"))
    assert manifest["id"] == APP_ID
    assert manifest["runtime"] == "org.kde.Platform"
    assert manifest["base"] == "io.qt.PySide.BaseApp"
    assert manifest["base-version"] == manifest["runtime-version"]
    permissions = manifest["finish-args"]
    assert not [arg for arg in permissions if "network" in arg]
    assert "--socket=cups" in permissions
    assert "--filesystem=host" not in permissions and "--filesystem=home" not in permissions
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert manifest["command"] in project["gui-scripts"]
    # The PySide the BaseApp brings is one the project's pin accepts.
    low, high = re.findall(r">=([\d.]+),<([\d.]+)", project["dependencies"][0])[0]
    version = tuple(int(n) for n in manifest["base-version"].split("."))
    assert tuple(int(n) for n in low.split(".")) <= version < tuple(int(n) for n in high.split("."))
    for module in manifest["modules"]:
        for source in [] if isinstance(module, str) else module["sources"]:
            assert source["type"] != "git" and "url" not in source  # built from this tree
        for command in [] if isinstance(module, str) else module["build-commands"]:
            if command.startswith("python3 scripts/"):
                assert (ROOT / command.split()[1]).is_file(), command


def test_install_and_uninstall_for_this_user(tmp_path: Path, qapp: object) -> None:
    written = desktop_entry.install(tmp_path)
    assert sorted(written) == sorted(desktop_entry.installed_files(tmp_path))
    entry = tmp_path / "applications" / f"{APP_ID}.desktop"
    exec_line = next(line for line in entry.read_text().splitlines() if line.startswith("Exec="))
    assert Path(exec_line.removeprefix("Exec=").strip('"')).is_file()
    validate([tool("desktop-file-validate", "desktop-file-utils"), str(entry)])
    for size in desktop_entry.PNG_SIZES:
        png = tmp_path / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # the icon, not empty
    assert (tmp_path / f"icons/hicolor/scalable/apps/{APP_ID}.svg").is_file()
    assert (tmp_path / f"metainfo/{APP_ID}.metainfo.xml").is_file()

    assert sorted(desktop_entry.uninstall(tmp_path)) == sorted(written)
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]


def test_a_launcher_path_with_spaces_is_quoted_for_exec() -> None:
    assert desktop_entry.exec_quoted("/opt/carnet/carnet-gui") == "/opt/carnet/carnet-gui"
    assert desktop_entry.exec_quoted('/home/a b/$x"') == '"/home/a b/\\$x\\""'
