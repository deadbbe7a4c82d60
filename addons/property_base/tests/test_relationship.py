from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import PropertyBaseCommon


@tagged("post_install", "-at_install")
class TestRelationship(PropertyBaseCommon):
    def test_category_change_is_tracked_with_reason(self):
        # close the creation transaction: records created in it are not tracked
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.owner_a.write(
            {"relationship_category": "black", "relationship_reason": "Refuses fees"}
        )
        history = self.owner_a.relationship_history_ids
        self.assertEqual(len(history), 1)
        self.assertEqual(
            (history.old_category, history.new_category, history.reason),
            ("normal", "black", "Refuses fees"),
        )
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "res.partner"),
                ("mail_message_id.res_id", "=", self.owner_a.id),
                ("field_id.name", "=", "relationship_category"),
            ]
        )
        self.assertEqual(len(tracked), 1)

    def test_category_change_without_reason_refused(self):
        with self.assertRaises(ValidationError):
            self.owner_a.write({"relationship_category": "black"})
        self.assertEqual(self.owner_a.relationship_category, "normal")
        self.assertFalse(self.owner_a.relationship_history_ids)

    def test_same_category_adds_no_history(self):
        self.owner_a.write(
            {"relationship_category": "normal", "relationship_reason": "x"}
        )
        self.assertFalse(self.owner_a.relationship_history_ids)

    def test_wizard_changes_several_customers(self):
        action = (self.owner_a | self.owner_b).action_change_relationship()
        wizard_form = Form(
            self.env[action["res_model"]].with_context(**action["context"])
        )
        wizard_form.relationship_category = "good"
        wizard_form.reason = "Joined the owner committee"
        wizard_form.save().action_apply()
        self.assertEqual(
            (self.owner_a | self.owner_b).mapped("relationship_category"),
            ["good", "good"],
        )
        self.assertEqual(
            len(
                self.env["property.relationship.history"].search(
                    [("partner_id", "in", (self.owner_a | self.owner_b).ids)]
                )
            ),
            2,
        )
