import json
import logging

from odoo.http import Controller, request, route

_logger = logging.getLogger(__name__)

# delivery report err_code (SmsReport) -> sms.tracker provider error
ALIYUN_REPORT_ERRORS = {
    "MOBILE_ACCOUNT_NOT_EXISTS": "invalid_destination",  # 空号
    "MOBILE_NOT_ON_SERVICE": "invalid_destination",  # 停机
    "MK:0001": "invalid_destination",
    "MOBILE_IN_BLACK": "rejected",
    "MOBILE_FREQUENCY_LIMIT": "rejected",
    "IC:0001": "expired",
}


class SmsAliyunController(Controller):
    @route(
        "/sms_aliyun/report/<string:token>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
    )
    def sms_report(self, token, **kwargs):
        """Alibaba Cloud's SmsReport HTTP push: a JSON list of delivery
        reports, each carrying our SMS uuid as out_id."""
        company_sudo = (
            request.env["res.company"]
            .sudo()
            .search([("sms_aliyun_report_token", "=", token)], limit=1)
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
                {"code": 1, "msg": "invalid payload"}, status=400
            )
        trackers_sudo = (
            request.env["sms.tracker"]
            .sudo()
            .search([("sms_uuid", "in", [str(r.get("out_id")) for r in reports])])
            .grouped("sms_uuid")
        )
        for report in reports:
            tracker_sudo = trackers_sudo.get(str(report.get("out_id")))
            if not tracker_sudo:
                _logger.info(
                    "Alibaba Cloud SMS: report for unknown SMS %s", report.get("out_id")
                )
                continue
            if report.get("success") is True:
                tracker_sudo._action_update_from_sms_state("sent")
            else:
                error_code = report.get("err_code") or ""
                tracker_sudo.with_context(
                    sms_known_failure_reason="{}: {}".format(
                        error_code, report.get("err_msg") or ""
                    )
                )._action_update_from_provider_error(
                    ALIYUN_REPORT_ERRORS.get(error_code, "not_delivered")
                )
        return request.make_json_response({"code": 0, "msg": "成功"})
