from collections import defaultdict

from odoo import models


class SmsSms(models.Model):
    _inherit = "sms.sms"

    def _split_by_api(self):
        sms_by_company = defaultdict(lambda: self.env["sms.sms"])
        todo_via_super = self.browse()
        for sms in self:
            sms_by_company[sms._get_sms_company()] += sms
        for company, company_sms in sms_by_company.items():
            if company.sms_provider == "aliyun":
                sms_api = company._get_sms_api_class()(self.env)
                sms_api._set_company(company)
                yield sms_api, company_sms
            else:
                todo_via_super += company_sms
        if todo_via_super:
            yield from super(SmsSms, todo_via_super)._split_by_api()
