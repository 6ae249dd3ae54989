"""Russia–DPRK relations: the chapter's section beside the milestones by domain."""

from dashboard.ui import common, controls, narrative
from dashboard.views import DPRK_RUSSIA

lang = common.lang()
common.header(common.t("nav.dprk_russia", lang), lang)
state = controls.page_state(DPRK_RUSSIA, lang)
narrative.section("dprk_russia", state, lang)
