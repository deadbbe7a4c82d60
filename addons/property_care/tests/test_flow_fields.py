from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import CareCommon


@tagged("post_install", "-at_install")
class TestFlowFields(CareCommon):
    """A butler cannot forge the figures his touchpoints and visits count for."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.missed = cls.Touchpoint.create(
            {
                "name": "Welcome call",
                "partner_id": cls.owner_a.id,
                "unit_id": cls.unit_a1.id,
                "building_id": cls.building_a.id,
                "user_id": cls.butler_a.id,
                "due_date": "2024-03-01",
                "deadline": "2024-03-08",
            }
        )
        cls.missed.write({"state": "missed", "escalated_date": "2024-03-09"})

    def test_butler_cannot_write_flow_fields(self):
        touchpoint = self.missed.with_user(self.butler_a)
        for vals in (
            {"state": "done", "done_on_time": True, "done_date": "2024-03-05"},
            {"done_on_time": True},
            {"escalated_date": False},
            {"portal_state": "confirmed"},
            {"kind": "at_risk"},
            {"score": 5},
        ):
            with self.assertRaises(AccessError):
                touchpoint.write(vals)
        self.assertEqual(self.missed.state, "missed")
        self.assertFalse(self.missed.done_on_time)
        self.assertFalse(self.missed.portal_state)
        # an officer cannot type them in either: he adjusts with a reason
        with self.assertRaisesRegex(AccessError, "not by hand"):
            self.missed.with_user(self.officer).write({"state": "done"})

    def test_butler_cannot_create_a_done_touchpoint(self):
        Touchpoint = self.Touchpoint.with_user(self.butler_a)
        base = {
            "name": "Call",
            "partner_id": self.owner_a.id,
            "user_id": self.butler_a.id,
        }
        with self.assertRaises(AccessError):
            Touchpoint.create({**base, "state": "done", "done_on_time": True})
        with self.assertRaises(AccessError):
            Touchpoint.create({**base, "kind": "high_value"})
        # the ordinary way: a manual touchpoint, marked done by its button
        touchpoint = Touchpoint.create({**base, "state": "planned", "score": 4})
        self.assertEqual(touchpoint.kind, "manual")
        touchpoint.action_done()
        self.assertEqual(touchpoint.state, "done")
        self.assertTrue(touchpoint.done_on_time)
        self.assertTrue(touchpoint.done_date)
        with self.assertRaises(AccessError):
            touchpoint.write({"score": 5})

    def test_butler_cannot_work_for_another_grids_customer(self):
        with self.assertRaisesRegex(AccessError, "someone else's grid"):
            self.Touchpoint.with_user(self.butler_a).create(
                {"name": "Call", "partner_id": self.owner_b.id}
            )
        Visit = self.env["property.care.visit"].with_user(self.butler_a)
        with self.assertRaisesRegex(AccessError, "someone else's grid"):
            Visit.create({"partner_id": self.owner_b.id})
        with self.assertRaisesRegex(AccessError, "someone else's grid"):
            Visit.create({"partner_id": self.owner_a.id, "unit_id": self.unit_b1.id})
        # nor log his visit as another butler's (it counts toward a quota)
        with self.assertRaises(AccessError):
            Visit.create(
                {"partner_id": self.owner_a.id, "visitor_id": self.butler_b.id}
            )
        visit = Visit.create({"partner_id": self.owner_a.id})
        self.assertEqual(visit.visitor_id, self.butler_a)
        self.assertEqual(visit.unit_id, self.unit_a1)
        with self.assertRaisesRegex(AccessError, "someone else's grid"):
            visit.write({"partner_id": self.owner_b.id})

    def test_officer_adjusts_with_a_reason(self):
        with self.assertRaises(AccessError):
            self.env["property.care.touchpoint.adjust"].with_user(self.butler_a).create(
                {"touchpoint_id": self.missed.id, "reason": "x"}
            )
        with self.assertRaises(AccessError):
            self.missed.with_user(self.butler_a)._property_adjust(
                {"state": "done"}, "I did call"
            )
        wizard = Form(
            self.env["property.care.touchpoint.adjust"]
            .with_user(self.officer)
            .with_context(default_touchpoint_id=self.missed.id)
        )
        self.assertEqual(wizard.state, "missed")
        wizard.state = "done"
        wizard.done_date = "2024-03-07"
        wizard.done_on_time = True
        wizard.reason = "Called on 7 March, the butler was on leave"
        wizard.save().action_apply()
        self.assertEqual(self.missed.state, "done")
        self.assertTrue(self.missed.done_on_time)
        self.assertTrue(self.missed.property_adjusted)
        self.assertIn("Called on 7 March", self.missed.message_ids[0].body)
        self.assertEqual(self.missed.message_ids[0].author_id, self.officer.partner_id)
