"""Who may see a Senate's dashboard, download its tables and produce its annual report: the Senate
team (manager, Chair, Vice Chair), who account for the Senate's work."""

import rules

from senate.accounts.permission_names import DESCRIPTIONS
from senate.accounts.permissions import is_senate_team
from senate.statistics.permission_names import StatisticsPermission as P

rules.add_perm(P.VIEW_STATISTICS, is_senate_team)

DESCRIPTIONS.update({P.VIEW_STATISTICS: "see the Senate's dashboard, its downloads and its annual report"})
