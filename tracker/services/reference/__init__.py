"""Reference data: occupations, skills and certifications loaded from samples/reference/
(`files`, `load`), looked up and proposed as requirements (`catalogue`), and the market
figures a posting's salary is checked against (`salary`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.lazy import lazy

if TYPE_CHECKING:
    from tracker.services.reference.catalogue import (
        REQUIRED_FROM_WEIGHT,
        REQUIREMENT_KIND,
        ProposedRequirement,
        certification_record,
        find_reference,
        get_certification,
        get_occupation,
        list_references,
        occupation_record,
        propose_requirements,
        skill_of,
    )
    from tracker.services.reference.files import (
        Block,
        CareerMoveItem,
        CertificationFile,
        Count,
        Diploma,
        EducationNote,
        ExperienceRoute,
        HardSkill,
        InsertionRate,
        JobTitle,
        Link,
        LinksFile,
        Market,
        NamedItem,
        OccupationFile,
        Prerequisite,
        Rate,
        RecruitmentDifficulty,
        Rome,
        Salary,
        SalaryBand,
        SalaryBands,
        SalaryOffers,
        ShareBand,
        Shares,
        Tool,
        period_bounds,
    )
    from tracker.services.reference.load import (
        REFERENCE_DIR,
        LoadResult,
        load_reference,
        read_file,
    )
    from tracker.services.reference.salary import (
        MAX_AGE_MONTHS,
        PER_YEAR,
        SalaryCheck,
        SalaryComparison,
        salary_check,
    )

_MODULES: dict[str, tuple[str, ...]] = {
    "catalogue": (
        "get_occupation", "get_certification", "find_reference", "skill_of", "list_references",
        "occupation_record", "certification_record", "ProposedRequirement", "propose_requirements",
        "REQUIRED_FROM_WEIGHT", "REQUIREMENT_KIND",
    ),
    "files": (
        "HardSkill", "NamedItem", "Tool", "Salary", "CareerMoveItem", "Diploma", "EducationNote",
        "ExperienceRoute", "OccupationFile", "Block", "Rome", "JobTitle", "InsertionRate",
        "SalaryOffers", "SalaryBand", "SalaryBands", "Count", "Rate", "RecruitmentDifficulty",
        "ShareBand", "Shares", "Market", "Prerequisite", "CertificationFile", "Link", "LinksFile",
        "period_bounds",
    ),
    "load": ("LoadResult", "read_file", "load_reference", "REFERENCE_DIR",),
    "salary": ("SalaryComparison", "SalaryCheck", "salary_check", "MAX_AGE_MONTHS", "PER_YEAR",),
}
__all__ = sorted(name for names in _MODULES.values() for name in names)
__getattr__ = lazy(__name__, _MODULES)
