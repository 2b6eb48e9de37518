"""The crew-list filter: one definition for the page, the exports and the API."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import Q

from prodoffice.domain.access import Capability
from prodoffice.domain.people.search import search_words
from prodoffice.people.choices import EngagementStatus
from prodoffice.people.models import EngagementQuerySet, contact_details_visible
from prodoffice.productions.access import ProductionAccess

_DEPARTMENT_ID = re.compile(r"[0-9]{1,12}")

SORTS = {
    "department": ["department__order", "cast_number", "contact__last_name", "contact__first_name"],
    "name": ["contact__last_name", "contact__first_name"],
    "position": ["position", "contact__last_name"],
    "status": ["status", "department__order", "contact__last_name"],
    "start": ["start_date", "contact__last_name"],
}


@dataclass(frozen=True)
class CrewFilter:
    q: str = ""
    department: int | None = None
    status: str = ""
    union: str = ""  # "", "yes", "no"
    kind: str = ""  # "", "cast", "crew"
    paperwork: str = ""  # "", "missing"
    sort: str = "department"

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> CrewFilter:
        department = params.get("department", "")
        status = params.get("status", "")
        sort = params.get("sort", "department")
        return cls(
            q=params.get("q", "").strip()[:100],
            # ASCII digits only ("²".isdigit() is true) and bounded, so any text is safe here.
            department=int(department) if _DEPARTMENT_ID.fullmatch(department) else None,
            status=status if status in EngagementStatus.values else "",
            union=params.get("union", "") if params.get("union") in {"yes", "no"} else "",
            kind=params.get("kind", "") if params.get("kind") in {"cast", "crew"} else "",
            paperwork="missing" if params.get("paperwork") == "missing" else "",
            sort=sort if sort in SORTS else "department",
        )

    @property
    def grouped_by_department(self) -> bool:
        return self.sort == "department"

    def apply(self, rows: EngagementQuerySet, access: ProductionAccess) -> EngagementQuerySet:
        # E-mails and phones are searched only where the reader may see them.
        contact_visible = contact_details_visible(access)
        for word in search_words(self.q):
            rows = rows.filter(
                Q(search_text__contains=word)
                | Q(department__name__icontains=word)
                | (Q(contact_search_text__contains=word) & contact_visible)
            )
        if self.department is not None:
            rows = rows.filter(department_id=self.department)
        if self.status:
            rows = rows.filter(status=self.status)
        if self.union:
            rows = rows.filter(union_member=self.union == "yes")
        if self.kind == "cast":
            rows = rows.filter(cast_number__isnull=False)
        elif self.kind == "crew":
            rows = rows.filter(cast_number__isnull=True)
        # Filtering on paperwork would tell who still owes it: only for those who see paperwork.
        if self.paperwork == "missing" and access.can(Capability.VIEW_PAPERWORK):
            rows = rows.filter(
                Q(deal_memo_received__isnull=True)
                | Q(tax_form_received__isnull=True)
                | Q(nda_received__isnull=True)
            )
        return rows.order_by(*SORTS[self.sort])
