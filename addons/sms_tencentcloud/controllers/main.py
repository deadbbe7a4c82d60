import json
import logging

from odoo.http import Controller, request, route

_logger = logging.getLogger(__name__)

# status report errmsg -> sms.tracker provider error
TENCENT_REPORT_ERRORS = {
    "MK:0001": "invalid_destination",  # 空号
    "MI:0013": "invalid_destination",  # 停机
    "EXPIRED": "expired",
    "REJECTD": "rejected",
    "MK:0004": "rejected",  # 黑名单
}


class SmsTencentCloudController(Controller):
    @route(
        "/sms_tencentcloud/report/<string:token>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
    )
    def sms_report(self, token, **kwargs):
        """Tencent Cloud's status report callback: a JSON list of reports,
        each carrying the SerialNo (``sid``) SendSms answered."""
        company_sudo = (
            request.env["res.company"]
            .sudo()
            .search([("sms_tencentcloud_report_token", "=", token)], limit=1)
        )
        if not token or not company_sudo:
            raise request.not_found()
        try:
            reports = json.loads(request.httprequest.get_data() or b"[]")
        except ValueError:
            reports = None
        if not isinstance(reports, list) or not all(
            isinstance(r, dict) for r in reports
        ):
            return request.make_json_response(
                {"result": 1, "errmsg": "invalid payload"}, status=400
            )
        trackers_sudo = (
            request.env["sms.tracker"]
            .sudo()
            .search([("sms_provider_ref", "in", [str(r.get("sid")) for r in reports])])
            .grouped("sms_provider_ref")
        )
        for report in reports:
            tracker_sudo = trackers_sudo.get(str(report.get("sid")))
            if not tracker_sudo:
                _logger.info(
                    "Tencent Cloud SMS: report for unknown SMS %s", report.get("sid")
                )
                continue
            if report.get("report_status") == "SUCCESS":
                tracker_sudo._action_update_from_sms_state("sent")
            else:
                error_code = report.get("errmsg") or ""
                tracker_sudo.with_context(
                    sms_known_failure_reason="{}: {}".format(
                        error_code, report.get("description") or ""
                    )
                )._action_update_from_provider_error(
                    TENCENT_REPORT_ERRORS.get(error_code, "not_delivered")
                )
        return request.make_json_response({"result": 0, "errmsg": "OK"})
