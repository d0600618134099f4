"""The sentences of the explanation lines, in English and French, by code.

``rules.explain`` fills them in; the codes are the stable interface between the
engine and these words (care abroad adds its own, from ``rules.abroad_texts``).
"""

from __future__ import annotations

from carnet.rules.abroad_texts import ABROAD_TEMPLATES

TEMPLATES: dict[str, dict[str, str]] = {
    "en": {
        "act": "{label} on {date}, fee €{fee}.",
        "base.tariff": "{label}: base €{base} (tariff in force on {date}).",
        "base.key_letter": "{label}: base {coefficient} × €{tariff} = €{base}.",
        "base.child": "Child under {age}: the child's tariff applies.",
        "base.out_tariff": "Outside the parcours the lower tariff applies.",
        "base.no_coordination": (
            "Outside the parcours the coordination majoration (€{amount}) is not billable: "
            "base €{base}."
        ),
        "base.ald_tariff": "ALD: the reduced forfait applies.",
        "base.fee": "The fee charged is the base: €{base}.",
        "base.override": "Base €{base} as written on the feuille.",
        "base.non_optam": "Sector 2 without OPTAM billing above the tariff: base €{base}.",
        "base.authority": "Non-conventionné practitioner: tarif d'autorité €{base}.",
        "base.limited": "Base limited to the fee charged: €{base}.",
        "parcours.exempt": "Parcours: {reason}, no penalty.",
        "parcours.child": "Under {age}: no parcours penalty.",
        "parcours.direct": "Direct access to this specialty, as stated: within the parcours.",
        "parcours.direct_refused": (
            "Direct access is not allowed here: treated as out of the parcours."
        ),
        "parcours.out": "Out of the parcours de soins, as stated.",
        "parcours.outside_rules": "Dentists and midwives are outside the parcours rules.",
        "parcours.ame": "AME: no parcours penalty.",
        "parcours.no_doctor": (
            "No médecin traitant declared on {date}: out of the parcours de soins."
        ),
        "parcours.direct_needs_doctor": (
            "Direct access to this specialty needs a declared médecin traitant, and none was "
            "declared on {date}: out of the parcours de soins."
        ),
        "parcours.doctor": "Your médecin traitant: within the parcours de soins.",
        "parcours.assumed_doctor": (
            "No practitioner given: assumed to be your médecin traitant (within the parcours)."
        ),
        "parcours.other_gp": (
            "A general practitioner who is not your médecin traitant: out of the parcours de "
            "soins (unless a replacement, away from home or an emergency)."
        ),
        "parcours.direct_access": (
            "Direct access to this specialty, with a médecin traitant declared: within the "
            "parcours."
        ),
        "parcours.referred": (
            "Specialist: assumed referred by your médecin traitant (within the parcours). "
            "Not referred? Mark the act “not referred”."
        ),
        "rate.out_of_parcours": "Out of the parcours: AMO rate {rate} instead of {normal}.",
        "rate.teleconsultation_out": "Teleconsultation outside the parcours: not reimbursed.",
        "rate.ald": "Care linked to the ALD: AMO rate {rate}.",
        "rate.ald_excluded": "The ALD does not change the rate of this item.",
        "rate.ame": "Aide médicale de l'État: AMO rate {rate}.",
        "rate.maternity": "Maternity period: AMO rate {rate}.",
        "rate.newborn": "Newborn (under {days} days): the forfait is not charged; AMO rate {rate}.",
        "rate.override": "AMO rate {rate} as written on the feuille.",
        "amo.gross": "AMO before deductions: €{base} × {rate} = €{gross}.",
        "amo.heavy_act": (
            "Heavy act (base ≥ €{cap}): the AMO pays the base less a flat €{amount}."
        ),
        "pf.charged": "Participation forfaitaire: €{amount}.",
        "pf.exempt": "No participation forfaitaire: {reason}.",
        "pf.not_applicable": "No participation forfaitaire on this act.",
        "pf.daily_cap": (
            "No participation forfaitaire: already {count} today with this practitioner."
        ),
        "pf.annual_cap": (
            "Participation forfaitaire limited by the annual cap of €{cap}: €{amount}."
        ),
        "franchise.charged": "Franchise médicale: €{amount}.",
        "franchise.exempt": "No franchise: {reason}.",
        "franchise.daily_cap": "Franchise limited by the daily cap of €{cap}: €{amount}.",
        "franchise.annual_cap": "Franchise limited by the annual cap of €{cap}: €{amount}.",
        "franchise.amo_limit": "Franchise limited to what the AMO pays: €{amount}.",
        "amo.net": "AMO pays €{net}.",
        "amc.none": "No complementary cover.",
        "amc.not_reimbursed": "Care not reimbursed by the AMO: the complementary pays nothing.",
        "amc.css": "Complémentaire santé solidaire pays the ticket modérateur: €{amc}.",
        "amc.cover": (
            "A contract at {percent}% of the base covers up to €{covered} in all, the AMO's "
            "€{reference} at the usual rate included: the complementary pays €{amc}."
        ),
        "amc.ame": "AME: no complementary insurance; the AME already covers the whole base.",
        "amc.basket": (
            "100 % Santé: the complementary pays everything above the AMO up to the price cap: "
            "€{amc}."
        ),
        "amc.basket_above_cap": (
            "Above the 100 % Santé price cap of €{cap}: the difference stays with you."
        ),
        "amc.majoration_excluded": (
            "A contrat responsable does not cover the out-of-parcours majoration (€{majoration})."
        ),
        "amc.depassement_cap": (
            "A contrat responsable covers at most €{cap} of this non-OPTAM dépassement."
        ),
        "amc.da_excluded": (
            "A contrat responsable does not cover a dépassement out of the parcours."
        ),
        "amc.act_cap": "Complementary cover capped at €{cap} per act.",
        "patient.share": "You pay €{patient}.",
        "patient.depassement": "Dépassement d'honoraires: €{depassement}.",
        "deadline": "Claim by {date} at the latest.",
        "payment.none": "Paid in full: the AMO and the complementary reimburse you.",
        "payment.partial": (
            "Tiers payant on the AMO share: the AMO pays the practitioner; €{withheld} of "
            "deductions will be taken from a later reimbursement."
        ),
        "payment.total": (
            "Tiers payant: nobody reimburses you; €{withheld} of deductions will be taken from "
            "a later reimbursement."
        ),
        "payment.partial.nothing-withheld": (
            "Tiers payant on the AMO share: the AMO pays the practitioner directly."
        ),
        "payment.total.nothing-withheld": (
            "Tiers payant: the AMO and the complementary pay the practitioner directly; "
            "nothing comes back to you."
        ),
        "reason.age": "under {age}",
        "reason.css": "complémentaire santé solidaire",
        "reason.maternity": "maternity period",
        "reason.emergency": "emergency",
        "reason.away": "away from home",
        "reason.replacement": "replacement of your médecin traitant",
        "reason.ame": "aide médicale de l'État",
        "reason.hospital": "not applied to this care",
        "decided": (
            "{payer} decided to pay €{amount} instead of €{expected} ({cause}); "
            "you accepted its decision."
        ),
        "payer.amo": "The CPAM",
        "payer.amc": "The mutuelle",
        "cause.parcours": "as outside the parcours de soins",
        "cause.sector": "on the non-OPTAM base",
        "cause.deductions": "with deductions taken again",
        "cause.rate": "at another rate",
        "cause.mutuelle-not-informed": "the mutuelle was not informed",
        "cause.tariff": "on an older tariff",
    },
    "fr": {
        "act": "{label} le {date}, honoraires {fee} €.",
        "base.tariff": "{label} : base {base} € (tarif en vigueur le {date}).",
        "base.key_letter": "{label} : base {coefficient} × {tariff} € = {base} €.",
        "base.child": "Enfant de moins de {age} ans : tarif de l'enfant.",
        "base.out_tariff": "Hors parcours, le tarif inférieur s'applique.",
        "base.no_coordination": (
            "Hors parcours, la majoration de coordination ({amount} €) n'est pas facturable : "
            "base {base} €."
        ),
        "base.ald_tariff": "ALD : forfait réduit.",
        "base.fee": "Le montant facturé sert de base : {base} €.",
        "base.override": "Base {base} € indiquée sur la feuille.",
        "base.non_optam": "Secteur 2 hors OPTAM avec dépassement : base {base} €.",
        "base.authority": "Praticien non conventionné : tarif d'autorité {base} €.",
        "base.limited": "Base limitée au montant facturé : {base} €.",
        "parcours.exempt": "Parcours : {reason}, sans pénalité.",
        "parcours.child": "Moins de {age} ans : pas de pénalité hors parcours.",
        "parcours.direct": "Accès direct à cette spécialité, comme indiqué : dans le parcours.",
        "parcours.direct_refused": "Accès direct non autorisé ici : considéré hors parcours.",
        "parcours.out": "Hors parcours de soins, comme indiqué.",
        "parcours.outside_rules": (
            "Les dentistes et les sages-femmes sont hors des règles du parcours."
        ),
        "parcours.ame": "AME : pas de pénalité hors parcours.",
        "parcours.no_doctor": "Aucun médecin traitant déclaré le {date} : hors parcours de soins.",
        "parcours.direct_needs_doctor": (
            "L'accès direct à cette spécialité exige un médecin traitant déclaré, et aucun "
            "ne l'était le {date} : hors parcours de soins."
        ),
        "parcours.doctor": "Votre médecin traitant : dans le parcours de soins.",
        "parcours.assumed_doctor": (
            "Praticien non indiqué : supposé être votre médecin traitant (dans le parcours)."
        ),
        "parcours.other_gp": (
            "Un médecin généraliste qui n'est pas votre médecin traitant : hors parcours de "
            "soins (sauf remplaçant, hors résidence ou urgence)."
        ),
        "parcours.direct_access": (
            "Accès direct à cette spécialité, avec un médecin traitant déclaré : dans le parcours."
        ),
        "parcours.referred": (
            "Spécialiste : supposé orienté par votre médecin traitant (dans le parcours). "
            "Pas orienté ? Marquez l'acte « non orienté »."
        ),
        "rate.out_of_parcours": "Hors parcours : taux AMO {rate} au lieu de {normal}.",
        "rate.teleconsultation_out": "Téléconsultation hors parcours : non remboursée.",
        "rate.ald": "Soins liés à l'ALD : taux AMO {rate}.",
        "rate.ald_excluded": "L'ALD ne change pas le taux de ce poste.",
        "rate.ame": "Aide médicale de l'État : taux AMO {rate}.",
        "rate.maternity": "Période de maternité : taux AMO {rate}.",
        "rate.newborn": "Nouveau-né (moins de {days} jours) : forfait non dû ; taux AMO {rate}.",
        "rate.override": "Taux AMO {rate} indiqué sur la feuille.",
        "amo.gross": "AMO avant déductions : {base} € × {rate} = {gross} €.",
        "amo.heavy_act": (
            "Acte lourd (base ≥ {cap} €) : l'AMO paie la base moins un forfait de {amount} €."
        ),
        "pf.charged": "Participation forfaitaire : {amount} €.",
        "pf.exempt": "Pas de participation forfaitaire : {reason}.",
        "pf.not_applicable": "Pas de participation forfaitaire sur cet acte.",
        "pf.daily_cap": (
            "Pas de participation forfaitaire : déjà {count} aujourd'hui chez ce praticien."
        ),
        "pf.annual_cap": (
            "Participation forfaitaire limitée par le plafond annuel de {cap} € : {amount} €."
        ),
        "franchise.charged": "Franchise médicale : {amount} €.",
        "franchise.exempt": "Pas de franchise : {reason}.",
        "franchise.daily_cap": (
            "Franchise limitée par le plafond journalier de {cap} € : {amount} €."
        ),
        "franchise.annual_cap": "Franchise limitée par le plafond annuel de {cap} € : {amount} €.",
        "franchise.amo_limit": "Franchise limitée à ce que verse l'AMO : {amount} €.",
        "amo.net": "L'AMO verse {net} €.",
        "amc.none": "Pas de complémentaire santé.",
        "amc.not_reimbursed": "Soin non remboursé par l'AMO : la complémentaire ne verse rien.",
        "amc.css": "La complémentaire santé solidaire paie le ticket modérateur : {amc} €.",
        "amc.cover": (
            "Un contrat à {percent} % de la base couvre au plus {covered} € au total, les "
            "{reference} € de l'AMO au taux habituel compris : la complémentaire verse {amc} €."
        ),
        "amc.ame": "AME : pas de complémentaire ; l'AME couvre déjà toute la base.",
        "amc.basket": (
            "100 % Santé : la complémentaire paie tout ce qui dépasse l'AMO jusqu'au prix "
            "limite : {amc} €."
        ),
        "amc.basket_above_cap": (
            "Au-delà du prix limite 100 % Santé de {cap} € : la différence reste à votre charge."
        ),
        "amc.majoration_excluded": (
            "Un contrat responsable ne couvre pas la majoration hors parcours ({majoration} €)."
        ),
        "amc.depassement_cap": (
            "Un contrat responsable couvre au plus {cap} € de ce dépassement hors OPTAM."
        ),
        "amc.da_excluded": "Un contrat responsable ne couvre pas un dépassement hors parcours.",
        "amc.act_cap": "Remboursement complémentaire plafonné à {cap} € par acte.",
        "patient.share": "Reste à votre charge : {patient} €.",
        "patient.depassement": "Dépassement d'honoraires : {depassement} €.",
        "deadline": "À envoyer au plus tard le {date}.",
        "payment.none": "Payé en entier : l'AMO et la complémentaire vous remboursent.",
        "payment.partial": (
            "Tiers payant sur la part AMO : l'AMO paie le praticien ; {withheld} € de déductions "
            "seront retenus sur un remboursement ultérieur."
        ),
        "payment.total": (
            "Tiers payant intégral : personne ne vous rembourse ; {withheld} € de déductions "
            "seront retenus sur un remboursement ultérieur."
        ),
        "payment.partial.nothing-withheld": (
            "Tiers payant sur la part AMO : l'AMO paie directement le praticien."
        ),
        "payment.total.nothing-withheld": (
            "Tiers payant intégral : l'AMO et la complémentaire paient directement le praticien ; "
            "rien ne vous revient."
        ),
        "reason.age": "moins de {age} ans",
        "reason.css": "complémentaire santé solidaire",
        "reason.maternity": "période de maternité",
        "reason.emergency": "urgence",
        "reason.away": "hors résidence",
        "reason.replacement": "remplaçant de votre médecin traitant",
        "reason.ame": "aide médicale de l'État",
        "reason.hospital": "non applicable à ce soin",
        "decided": (
            "{payer} a décidé de verser {amount} € au lieu de {expected} € ({cause}) ; "
            "vous avez accepté sa décision."
        ),
        "payer.amo": "La CPAM",
        "payer.amc": "La mutuelle",
        "cause.parcours": "comme hors parcours de soins",
        "cause.sector": "sur la base des médecins non OPTAM",
        "cause.deductions": "en retenant de nouveau des franchises ou participations",
        "cause.rate": "à un autre taux",
        "cause.mutuelle-not-informed": "la mutuelle n'a pas été informée",
        "cause.tariff": "sur un ancien tarif",
    },
}


for _language, _lines in ABROAD_TEMPLATES.items():
    TEMPLATES[_language].update(_lines)
