from datetime import date

from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL


@tagged("post_install", "-at_install")
class TestFeatures(TransactionCase):
    """Each feature as of the first day of each month, nothing later."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        project = cls.env["property.project"].create(
            {"name": "Jade Lake", "code": "JL"}
        )
        building = cls.env["property.building"].create(
            {"name": "B1", "project_id": project.id}
        )
        cls.unit = cls.env["property.unit"].create(
            {
                "name": "101",
                "building_id": building.id,
                "sale_state": "handed_over",
                "occupancy": "occupied",
                "handover_date": "2022-07-01",
            }
        )
        cls.owner = cls.env["res.partner"].create(
            {"name": "Wang Jianguo", "customer_stage": "owner"}
        )
        cls.env["property.residency"].create(
            {
                "partner_id": cls.owner.id,
                "unit_id": cls.unit.id,
                "role": "owner",
                "date_start": "2022-07-01",
            }
        )
        cls.project = project

    def _features(self, first, last, *names):
        features = self.env["property.insight.feature"]
        features._build(first, last)
        return {
            row.month: tuple(row[name] for name in names)
            for row in features.search([("unit_id", "=", self.unit.id)])
        }

    def test_relationship_and_survey_as_of_month_start(self):
        self.env["property.relationship.history"].sudo().create(
            [
                {
                    "partner_id": self.owner.id,
                    "new_category": "black",
                    "reason": "x",
                    "date": "2024-01-31 23:00:00",
                },
                {
                    "partner_id": self.owner.id,
                    "new_category": "good",
                    "reason": "x",
                    "date": "2024-03-05 08:00:00",
                },
            ]
        )
        campaign = self.env["property.survey.campaign"].create(
            {
                "project_id": self.project.id,
                "month": "2024-02-01",
                "sample_mode": "fixed",
                "sample_size_fixed": 1,
            }
        )
        self.env["property.survey.household"].create(
            {
                "campaign_id": campaign.id,
                "unit_id": self.unit.id,
                "building_id": self.unit.building_id.id,
                "answered": True,
                "overall_score": 2,
            }
        )
        got = self._features(
            date(2024, 1, 1),
            date(2025, 4, 1),
            "category_black",
            "category_good",
            "category_changes_12m",
            "survey_answers_12m",
            "survey_low_12m",
            "survey_last_score",
            "years_since_handover",
        )
        self.assertEqual(got[date(2024, 1, 1)], (0, 0, 0, 0, 0, 0, 1.5))
        # black since 31 January; February's answer counts from March
        self.assertEqual(got[date(2024, 2, 1)], (1, 0, 1, 0, 0, 0, 1.6))
        self.assertEqual(got[date(2024, 3, 1)], (1, 0, 1, 1, 1, 2, 1.7))
        self.assertEqual(got[date(2024, 4, 1)], (0, 1, 2, 1, 1, 2, 1.8))
        # twelve months on, the answer and the first change have left the
        # window, the category stays
        self.assertEqual(got[date(2025, 3, 1)][:6], (0, 1, 1, 0, 0, 0))
        self.assertEqual(got[date(2025, 4, 1)][:6], (0, 1, 0, 0, 0, 0))

    def test_rebuild_updates_and_never_duplicates(self):
        self._features(date(2024, 1, 1), date(2024, 6, 1), "survey_answers_12m")
        got = self._features(date(2024, 1, 1), date(2024, 6, 1), "survey_answers_12m")
        self.assertEqual(len(got), 6)
        self.assertEqual(
            self.env["property.insight.feature"].search_count(
                [("unit_id", "=", self.unit.id)]
            ),
            6,
        )

    def test_helpdesk_signals_when_installed(self):
        if not self.env["property.insight.feature"]._insight_has_helpdesk():
            self.skipTest("property_helpdesk is not installed")
        tickets = self.env["helpdesk.ticket"].create(
            [
                {
                    "name": "漏水",
                    "description": "厨房漏水",
                    "unit_id": self.unit.id,
                    "kind": "repair",
                },
                {
                    "name": "噪音",
                    "description": "夜间施工",
                    "unit_id": self.unit.id,
                    "kind": "complaint",
                    "complaint_grade": "important",
                },
            ]
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE helpdesk_ticket
                   SET reported_date = '2024-03-10 09:00',
                       resolve_deadline = '2024-04-02 09:00', is_breached = id = %s
                 WHERE id = ANY(%s)
                """,
                tickets[0].id,
                tickets.ids,
            )
        )
        got = self._features(
            date(2024, 3, 1),
            date(2024, 6, 1),
            "hd_repairs_1m",
            "hd_repairs_3m",
            "hd_complaints_important_12m",
            "hd_breaches_12m",
        )
        self.assertEqual(got[date(2024, 3, 1)], (0, 0, 0, 0))
        self.assertEqual(got[date(2024, 4, 1)], (1, 1, 1, 0))
        # the deadline missed on 2 April counts from May
        self.assertEqual(got[date(2024, 5, 1)], (0, 1, 1, 1))
        self.assertEqual(got[date(2024, 6, 1)], (0, 1, 1, 1))
