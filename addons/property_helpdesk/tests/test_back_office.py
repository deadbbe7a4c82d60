from datetime import date, datetime

from freezegun import freeze_time

from odoo.addons.property_base.tests.zh_cn import load_zh_cn
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import HelpdeskCommon


@tagged("post_install", "-at_install")
class TestBackOffice(HelpdeskCommon):
    """Issue 13: what staff do from the web client."""

    def _record(self, callback, user, **values):
        form = Form(
            self.env["property.ticket.callback.record"]
            .with_user(user)
            .with_context(default_callback_id=callback.id)
        )
        for name, value in values.items():
            setattr(form, name, value)
        return form.save()

    def test_callback_wizard_low_score_reopens_like_portal(self):
        ticket = self._ticket()
        ticket.with_user(self.butler_a).action_acknowledge()
        self._close(ticket)
        phone = ticket.callback_ids.filtered(lambda c: c.callback_type == "phone")
        action = phone.with_user(self.butler_a).action_open_record_wizard()
        self.assertEqual(action["res_model"], "property.ticket.callback.record")
        self._record(
            phone, self.butler_a, score="3", comment="Still drips"
        ).action_record()
        self.assertEqual(phone.state, "done")
        self.assertEqual(phone.score, 3)
        self.assertEqual(phone.user_id, self.butler_a)
        self.assertFalse(ticket.closed)
        self.assertEqual(ticket.reopen_count, 1)
        self.assertEqual(
            set((ticket.callback_ids - phone).mapped("state")), {"cancelled"}
        )

    def test_callback_wizard_not_reached_and_good_score(self):
        ticket = self._ticket()
        self._close(ticket)
        phone, visit = ticket.callback_ids.sorted("due_date")[:2]
        self._record(phone, self.butler_a, reached=False).action_record()
        self.assertEqual(phone.state, "unreached")
        self._record(visit, self.butler_a, score="5").action_record()
        self.assertEqual(visit.state, "done")
        self.assertTrue(ticket.closed)

    def test_callback_wizard_without_score_gets_clear_message(self):
        ticket = self._ticket()
        self._close(ticket)
        phone = ticket.callback_ids[0]
        wizard = self.env["property.ticket.callback.record"].create(
            {"callback_id": phone.id, "reached": True}
        )
        with self.assertRaisesRegex(UserError, "score from 1 to 5"):
            wizard.action_record()
        self.assertEqual(phone.state, "planned")

    def test_callback_has_responsible_and_activity_on_due_date(self):
        ticket = self._ticket()
        ticket.with_user(self.butler_a).action_acknowledge()
        self._close(ticket)
        for callback in ticket.callback_ids:
            self.assertEqual(callback.responsible_id, self.butler_a)
            self.assertEqual(len(callback.activity_ids), 1)
            self.assertEqual(callback.activity_ids.user_id, self.butler_a)
            self.assertEqual(
                callback.activity_ids.date_deadline, callback.due_date.date()
            )
        phone = ticket.callback_ids[0]
        phone.action_record(5)
        self.assertFalse(phone.activity_ids, "the to-do is marked done")

    def test_reopen_threshold_is_a_setting(self):
        self.env["ir.config_parameter"].set_param(
            "property_helpdesk.callback_reopen_max_score", 1
        )
        ticket = self._ticket()
        self._close(ticket)
        ticket.callback_ids[0].action_record(2)
        self.assertTrue(ticket.closed)

    def test_reinspection_buttons_feed_pass_rate(self):
        inspection = self.env["property.handover.inspection"].create(
            {"unit_id": self.unit_a2.id}
        )
        defect = inspection.action_add_defect("Cracked tile", self.owner_b)
        with self.assertRaises(UserError):
            defect.action_reinspect_pass()
        defect.action_mark_rectified()
        defect.action_reinspect_fail()
        self.assertEqual(defect.reinspection_result, "fail")
        self.assertFalse(defect.rectified_date)
        defect.action_mark_rectified()
        defect.action_reinspect_pass()
        self.assertEqual(defect.reinspection_result, "pass")
        self.assertEqual(defect.reinspection_count, 2)
        inspection.action_close()
        self.assertEqual(inspection.state, "passed")

    @freeze_time("2030-03-06 09:00:00")  # a Wednesday
    def test_planned_rounds_and_compliance(self):
        Patrol = self.env["property.patrol"]
        planned = Patrol._cron_plan_rounds()
        mine = planned.filtered(lambda p: p.user_id == self.butler_a)
        self.assertEqual(mine.patrol_type, "butler_daily")
        self.assertEqual(mine.date, date(2030, 3, 6))
        weekly = planned.filtered(lambda p: p.user_id == self.manager)
        self.assertEqual(weekly.patrol_type, "manager_weekly")
        self.assertEqual(weekly.date, date(2030, 3, 4))
        self.assertFalse(Patrol._cron_plan_rounds(), "idempotent")
        mine.with_user(self.butler_a).action_done()
        groups = Patrol._read_group(
            [("id", "in", planned.ids)],
            ["user_id"],
            ["due_count:sum", "done_count:sum"],
        )
        compliance = {user: (due, done) for user, due, done in groups}
        self.assertEqual(compliance[self.butler_a], (1, 1))
        self.assertEqual(compliance[self.manager], (1, 0))

    def test_overdue_recheck_activity_once(self):
        with freeze_time("2030-03-01"):
            patrol = self.env["property.patrol"].create(
                {
                    "user_id": self.butler_a.id,
                    "project_id": self.project.id,
                    "building_id": self.building_a.id,
                    "finding_ids": [(0, 0, {"description": "Broken bench"})],
                }
            )
        finding = patrol.finding_ids
        Finding = self.env["property.patrol.finding"]
        with freeze_time("2030-03-02"):
            Finding._notify_overdue_rechecks(500)
            self.assertFalse(finding.activity_ids)
        with freeze_time("2030-03-05"):
            self.assertEqual(Finding._notify_overdue_rechecks(500), finding)
            self.assertFalse(Finding._notify_overdue_rechecks(500))
        self.assertEqual(len(finding.activity_ids), 1)
        self.assertEqual(finding.activity_ids.user_id, self.butler_a)
        finding.with_user(self.butler_a).action_recheck_ok()
        self.assertTrue(finding.recheck_ok)

    def test_goodwill_gesture_once_on_resolution_breach(self):
        ticket = self._ticket()
        ticket.with_user(self.butler_a).action_acknowledge()
        at = ticket.resolve_deadline
        self.Ticket._escalate_due(at, 500)
        self.Ticket._escalate_due(datetime(2030, 2, 1), 500)
        apologies = ticket.message_ids.filtered(
            lambda m: "our apologies" in (m.subject or "")
        )
        self.assertEqual(len(apologies), 1)
        self.assertIn(self.owner_a, apologies.partner_ids)
        self.assertTrue(ticket.goodwill_done)
        goodwill = ticket.activity_ids.filtered(
            lambda a: "Goodwill" in (a.summary or "")
        )
        self.assertEqual(goodwill.user_id, self.butler_a)

    def test_escalation_texts_in_their_readers_language(self):
        """The escalation cron runs in English; its note is written in the
        company's language, the butler's to-do in the butler's and the
        apology to the owner in the owner's."""
        load_zh_cn(self.env, ["property_helpdesk"])
        self.env.company.partner_id.lang = "zh_CN"
        (self.butler_a.partner_id | self.owner_a).lang = "zh_CN"
        ticket = self._ticket()
        ticket.with_user(self.butler_a).action_acknowledge()
        self.Ticket.with_context(lang="en_US")._escalate_due(
            ticket.resolve_deadline, 500
        )
        notes = ticket.message_ids.mapped("body")
        self.assertTrue(any("已超时：解决 应于" in body for body in notes), notes)
        apology = ticket.message_ids.filtered(lambda m: "致歉" in (m.subject or ""))
        self.assertEqual(apology.subject, f"{ticket.number}：致歉")
        self.assertEqual(
            ticket.activity_ids.filtered(lambda a: a.user_id == self.butler_a).summary,
            "关怀补偿：超过解决时限",
        )

    def test_no_goodwill_when_template_unset(self):
        self.env["ir.config_parameter"].set_param(
            "property_helpdesk.goodwill_template_id", False
        )
        ticket = self._ticket()
        self.Ticket._escalate_due(datetime(2030, 2, 1), 500)
        self.assertTrue(ticket.resolve_breached)
        self.assertFalse(ticket.goodwill_done)

    def test_bad_setting_gets_clear_message(self):
        form = Form(self.env["res.config.settings"])
        form.property_portal_max_photos = 0
        with self.assertRaisesRegex(Exception, "at least 1"):
            form.save()

    def test_smart_buttons_for_butler_without_helpdesk_group(self):
        ticket = self._ticket()
        self._close(ticket)
        self.assertFalse(
            self.butler_a.has_group("helpdesk_mgmt.group_helpdesk_user_own")
        )
        owner = self.owner_a.with_user(self.butler_a)
        self.assertEqual(owner.property_ticket_count, 1)
        self.assertEqual(owner.property_callback_count, 3)
        action = owner.action_view_property_tickets()
        self.assertEqual(
            self.env["helpdesk.ticket"]
            .with_user(self.butler_a)
            .search(action["domain"]),
            ticket,
        )
        owner.action_view_property_callbacks()
        inspection = self.env["property.handover.inspection"].create(
            {"unit_id": self.unit_a1.id}
        )
        inspection.action_add_defect("Cracked tile", self.owner_b)
        unit = self.unit_a1.with_user(self.butler_a)
        self.assertEqual(
            (unit.ticket_count, unit.defect_count, unit.handover_inspection_count),
            (1, 1, 1),
        )
        for method in (
            unit.action_view_tickets,
            unit.action_view_defects,
            unit.action_view_handover_inspections,
        ):
            self.assertEqual(method()["type"], "ir.actions.act_window")
        form = self.env.ref("property_helpdesk.res_partner_view_form")
        self.assertIn("property_base.property_base_group_butler", form.arch)
