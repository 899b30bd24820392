"""The reference data files are faithful to the sample documents: every value is found on the
line of the source text the file says it comes from, and nothing the source lists is missing."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from tests.conftest import SAMPLES
from tracker.domain.matching import education_in

REFERENCE = SAMPLES / "reference"
OCCUPATIONS = sorted(REFERENCE.glob("occupation-*.yaml"))
CERTIFICATION = REFERENCE / "certification-rncp39853.yaml"


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def source_lines(data: dict) -> list[str]:
    return (SAMPLES / data["source"]).read_text(encoding="utf-8").splitlines()


def squash(text: str) -> str:
    return " ".join(text.split())


def line(lines: list[str], number: int) -> str:
    return squash(lines[number - 1])


def test_the_four_documents_are_transcribed():
    sources = {load(p)["source"] for p in [*OCCUPATIONS, CERTIFICATION]}
    assert sources == {
        "occupation-charge-cooperation-internationale.txt",
        "occupation-charge-mission-relations-internationales.txt",
        "occupation-international-project-officer.txt",
        "certification-rncp39853-expert-relations-cooperations-internationales.txt",
    }


@pytest.mark.parametrize("path", OCCUPATIONS, ids=lambda p: p.stem)
def test_occupation_title_summary_and_skills_are_on_their_lines(path):
    data = load(path)
    lines = source_lines(data)
    assert line(lines, data["title_line"]) == data["title"]
    assert squash(data["summary"]) in line(lines, data["summary_line"])
    for skill in data.get("hard_skills", []):
        # e.g. "95 | Gestion de projet", then "Coordination, Planification, Budgétisation..."
        assert line(lines, skill["line"]) == f"{skill['weight']} | {skill['label']}"
        assert line(lines, skill["keywords_line"]) == ", ".join(skill["keywords"]) + "..."
    for skill in data.get("soft_skills", []) + data.get("know_how", []):
        assert line(lines, skill["line"]) in (skill["label"], f"• {skill['label']}")
    for tool in data.get("tools", []):
        assert line(lines, tool["line"]) == f"• {tool['name']}"
        assert line(lines, tool["family_line"]) == tool["family"]
    for move in data["career_moves"]:
        assert move["title"] in line(lines, move["line"])


@pytest.mark.parametrize("path", OCCUPATIONS, ids=lambda p: p.stem)
def test_every_weighted_skill_and_tool_of_the_source_is_transcribed(path):
    data = load(path)
    lines = source_lines(data)
    weighted = {(int(m[1]), m[2]) for text in lines
                if (m := re.fullmatch(r"(\d{2}) \| (.+)", text.strip()))}
    assert weighted == {(s["weight"], s["label"]) for s in data.get("hard_skills", [])}
    if "#OUTILS" in lines:
        start, end = lines.index("#OUTILS"), lines.index("#CONTRAINTES")
        bullets = {t.strip()[2:] for t in lines[start:end] if t.strip().startswith("• ")}
        assert bullets == {t["name"] for t in data["tools"]}


def _amounts_in(quote: str) -> list[Decimal]:
    if "K€" in quote:  # "between 25 and 40 K€"
        return [Decimal(n) * 1000 for n in re.findall(r"\d+", quote)]
    return [Decimal(n) for n in re.findall(r"(\d+)€", quote)]


@pytest.mark.parametrize("path", OCCUPATIONS, ids=lambda p: p.stem)
def test_every_salary_figure_is_the_sources(path):
    data = load(path)
    lines = source_lines(data)
    for salary in data["salaries"]:
        text = line(lines, salary["line"])
        assert salary["quote"] in text
        assert _amounts_in(salary["quote"]) == [Decimal(salary["min"]), Decimal(salary["max"])]
        assert salary["experience"].lower() in line(lines, salary["experience_line"]).lower()
        assert salary["currency"] == "EUR" and "€" in salary["quote"]
        if salary["basis"] == "gross":
            assert "brut" in salary["quote"]
        if salary.get("period_stated", True):
            assert salary["period"] == "year" and "par an" in salary["quote"]
    salary_lines = [t for t in lines if re.search(r"\d+ ?(€|K€)", t)]
    assert len(salary_lines) == len({s["line"] for s in data["salaries"]})


def test_the_three_occupations_carry_the_expected_figures():
    by_slug = {load(p)["slug"]: load(p) for p in OCCUPATIONS}
    cci = by_slug["charge-cooperation-internationale"]
    assert {s["label"]: s["weight"] for s in cci["hard_skills"]}["Gestion de projet"] == 95
    assert [(s["min"], s["max"]) for s in cci["salaries"]] == [(26000, 32000), (34000, 45000)]
    cmri = by_slug["charge-mission-relations-internationales"]
    assert [(s["min"], s["max"]) for s in cmri["salaries"]] == [(30000, 35000), (40000, 60000)]
    officer = by_slug["international-project-officer"]
    assert officer["language"] == "en" and officer["salaries"][0]["period_stated"] is False
    assert [s["label"] for s in officer["know_how"]] == [
        "Interpersonal skills and diplomacy", "Project management",
        "Mastery of several languages", "Ability to analyze and summarize"]


def test_certification_values_are_on_their_lines():
    data = load(CERTIFICATION)
    lines = source_lines(data)
    assert line(lines, data["code_line"]) == data["code"] == "RNCP39853"
    assert line(lines, data["title_line"]) == data["title"]
    assert data["entry_level_quote"] in line(lines, data["entry_level_line"])
    assert data["registered_until_quote"] in line(lines, data["registered_until_line"])
    assert data["level"] is None  # the page states only the entry level
    assert squash(data["summary"]) in line(lines, data["summary_line"])
    for block in data["blocks"]:
        text = line(lines, block["line"])
        assert text == block["title"] + (" - Bloc optionnel" if block.get("optional") else "")
    assert len(data["blocks"]) == 6 and "6 Blocs de compétences" in lines
    for rome in data["rome_codes"]:
        assert line(lines, rome["line"]) == f"{rome['title']}(Rome {rome['code']})"
    assert [r["code"] for r in data["rome_codes"]] == ["K1704", "K1404", "K1405"]
    for title in data["job_titles"]:
        assert title["title"] in line(lines, title["line"])
    for rate in data["insertion_rates"]:
        assert f"({rate['percent']}%)" in line(lines, rate["line"])
        assert rate["horizon"] in line(lines, rate["line"])
        assert line(lines, rate["year_line"]) == str(rate["year"])


def test_certification_market_figures_are_the_sources():
    data = load(CERTIFICATION)
    lines = source_lines(data)
    [market] = data["market"]
    assert line(lines, market["rome_line"]) == f"(Rome {market['rome']})"
    offers = market["salary_offers"]
    assert line(lines, offers["min_line"]) == str(offers["min"]) == "1833"
    assert line(lines, offers["max_line"]) == str(offers["max"]) == "3000"
    assert line(lines, offers["line"]) == offers["quote"]
    assert f"{offers['share_percent']}% des offres" in offers["quote"]
    assert line(lines, offers["basis_line"]) == "Salaire mensuel brut"
    assert (offers["period"], offers["basis"]) == ("month", "gross")
    assert offers["period_label"] in line(lines, offers["period_line"])
    bands = market["salary_bands"]
    assert bands["period_label"] in line(lines, bands["period_line"])
    for band in bands["bands"]:
        text = line(lines, band["line"])
        assert text == band["label"]
        for key in ("min", "max"):
            if key in band:
                assert str(band[key]) in text
        assert line(lines, band["percent_line"]) == f"{band['percent']}%"
    source_bands = [t.strip() for t in lines if t.strip().startswith("salaire ")]
    assert source_bands == [b["label"] for b in bands["bands"]]
    for figure in market["counts"] + market["rates"]:
        text = line(lines, figure["line"])
        assert text == (figure["text"] if "text" in figure else f"{figure['percent']}%")
        assert figure["period_label"] in line(lines, figure["period_line"])
    counts = {c["kind"]: c["value"] for c in market["counts"]}
    assert counts == {"hires": 1230, "job_seekers": 4620, "job_offers": 1340}


def test_links_say_where_they_come_from():
    links = load(REFERENCE / "links.yaml")["links"]
    for link in links:
        if link["basis"] == "stated":
            lines = (SAMPLES / link["source"]).read_text(encoding="utf-8").splitlines()
            assert link["quote"] in line(lines, link["line"])
        else:
            assert link["reason"]
    assert {(x["occupation"], x["basis"]) for x in links} == {
        ("charge-mission-relations-internationales", "stated"),
        ("charge-cooperation-internationale", "ours"),
        ("international-project-officer", "ours"),
    }


def _section(lines: list[str], start: str, end: str) -> list[tuple[int, str]]:
    """The (line number, squashed text) of the lines from `start` up to `end`, not included."""
    first = next(i for i, t in enumerate(lines) if t.strip() == start)
    last = next(i for i, t in enumerate(lines) if i > first and t.strip() == end)
    return [(i + 1, squash(lines[i])) for i in range(first, last)]


@pytest.mark.parametrize("path", OCCUPATIONS, ids=lambda p: p.stem)
def test_every_soft_skill_and_know_how_of_the_source_is_transcribed(path):
    data = load(path)
    lines = source_lines(data)
    if data["language"] == "fr":
        # after "Dans cette fiche...", each soft skill is a heading over its paragraph
        section = _section(lines, "#SOFTSKILLS", "#HARDSKILLS")
        start = next(n for n, t in section if t.startswith("Dans cette fiche"))
        text = dict(section)
        headings = {(n, t) for n, t in section if n > start and t and not text.get(n + 1)
                    and len(text.get(n + 2, "")) > 200}
        assert headings == {(s["line"], s["label"]) for s in data["soft_skills"]}
        assert len(headings) >= 9
        return
    for heading, end, key in (("What is his/her main know-how?",
                               "What are his/her main soft skills?", "know_how"),
                              ("What are his/her main soft skills?", "Working environment",
                               "soft_skills")):
        bullets = {(n, t[2:]) for n, t in _section(lines, heading, end) if t.startswith("• ")
                   and lines[n - 1].startswith("  •")}
        assert bullets == {(s["line"], s["label"]) for s in data[key]}, key


@pytest.mark.parametrize("path", OCCUPATIONS, ids=lambda p: p.stem)
def test_the_diplomas_and_ways_in_are_transcribed_whole(path):
    data = load(path)
    lines = source_lines(data)
    for diploma in data["diplomas"]:
        assert diploma["title"] in line(lines, diploma["line"])
        assert education_in(diploma.get("level") or diploma["title"]).value == \
            diploma["education_level"]
        if "level" in diploma:
            assert line(lines, diploma["level_line"]) == (
                f"{diploma['level']} | ({diploma['ects']} crédits ECTS)")
        if "quote" in diploma:
            assert squash(diploma["quote"]) == line(lines, diploma["line"])
    if data["language"] == "en":  # the sentences under the last heading name the diplomas
        heading = lines.index("What training course to become an international project "
                              "manager?")
        assert [n + 1 for n in range(heading + 1, len(lines)) if lines[n].strip()] == [
            d["line"] for d in data["diplomas"]]
        return
    section = _section(lines, "#PARCOURS / DIPLÔMES", "#OUTILS")
    levels = [(n, t) for n, t in section if re.fullmatch(r"BAC \+\d \| \(\d+ crédits ECTS\)", t)]
    assert [n for n, _ in levels] == [d["level_line"] for d in data["diplomas"]]
    assert [t for n, t in section if n + 2 in dict(levels)] == [
        d["title"] for d in data["diplomas"]]  # the heading two lines above each level
    # every level the section names outside the diplomas' own descriptions ("Bac +5"), and
    # every job named as a way in
    remarks = [(n, t) for n, t in section if re.search(r"\bBac \+\d", t)]
    assert remarks == [(n["line"], n["text"]) for n in data["education_notes"]]
    routes = [(n, t) for n, t in section if t.startswith("Expérience en tant qu")]
    assert [n for n, _ in routes] == [r["line"] for r in data["experience_routes"]]
    for route, (_n, text) in zip(data["experience_routes"], routes, strict=True):
        assert text in (f"Expérience en tant qu’{route['title']}",
                        f"Expérience en tant que {route['title']}")


def test_every_job_title_of_the_run_on_sentence_is_transcribed():
    data = load(CERTIFICATION)
    lines = source_lines(data)
    [number] = {t["line"] for t in data["job_titles"]}
    sentence = line(lines, number)
    prefix = "Les intitulés de postes sont principalement "
    assert sentence[sentence.index(prefix) + len(prefix):] == " ".join(
        t["title"] for t in data["job_titles"])


def test_certification_prerequisites_are_the_sources():
    data = load(CERTIFICATION)
    lines = source_lines(data)
    text = line(lines, 11)
    domains = text.split("dans un des domaines suivants : ", 1)[1].split(".", 1)[0]
    assert [p["label"] for p in data["prerequisites"] if p["kind"] == "domain"] == \
        domains.split(" ; ")
    [english] = [p for p in data["prerequisites"] if p["kind"] == "language"]
    assert english["label"] in english["quote"] and english["quote"] in text
    assert {p["line"] for p in data["prerequisites"]} == {11}


def test_recruitment_difficulty_and_origins_are_the_sources():
    [market] = load(CERTIFICATION)["market"]
    lines = source_lines(load(CERTIFICATION))
    difficulty = market["recruitment_difficulty"]
    assert line(lines, difficulty["label_line"]) == difficulty["label"]
    assert line(lines, difficulty["line"]) == difficulty["text"]
    assert line(lines, difficulty["period_line"]) == (
        f"Source : {difficulty['origin']}, {difficulty['period_label']}")
    sources = [(n + 1, t.strip()) for n, t in enumerate(lines) if t.startswith("Source : ")]
    told = [(f["origin_line"], f"Source : {f['origin']}, {f['period_label']}")
            for f in market["counts"] + market["rates"] if "origin" in f]
    assert sorted(told + [(difficulty["period_line"], line(lines, difficulty["period_line"]))]) \
        == sources


def test_job_seekers_against_offers_every_figure_of_the_section():
    data = load(CERTIFICATION)
    lines = source_lines(data)
    [market] = data["market"]
    shares = market["shares"]
    assert [s["dimension"] for s in shares] == ["diploma", "qualification", "experience"]
    transcribed: set[tuple[int, str]] = set()
    for share in shares:
        assert line(lines, share["heading_line"]) == share["heading"]
        assert [line(lines, share["columns_line"]), line(lines, share["columns_line"] + 1)] == [
            "Demandeurs d'emploi", "Offres d'emploi"]
        if "period_label" in share:
            assert line(lines, share["period_line"]) == f"Période: {share['period_label']}"
        for band in share["bands"]:
            label_lines = range(band["line"], band.get("end_line", band["line"]) + 1)
            assert " ".join(line(lines, n) for n in label_lines) == band["label"]
            for key in ("seekers", "offers"):
                assert line(lines, band[f"{key}_line"]) == f"{band[key]}%"
                transcribed.add((band[f"{key}_line"], f"{band[key]}%"))
            transcribed |= {(n, line(lines, n)) for n in label_lines}
        transcribed |= {(share["heading_line"], share["heading"]),
                        (share["columns_line"], "Demandeurs d'emploi"),
                        (share["columns_line"] + 1, "Offres d'emploi")}
        for key in ("seekers", "offers"):
            total = sum(Decimal(b[key]) for b in share["bands"])
            if share["dimension"] != "experience":  # "1 à 4 ans" sums two bands again
                assert abs(total - 100) <= Decimal("0.02"), (share["dimension"], key, total)
    # every line of the section is a heading, a column name, a share or a band's label
    section = {(n, t) for n, t in _section(lines, "Par niveau de diplôme", "Voies d'accès") if t}
    assert section == transcribed
