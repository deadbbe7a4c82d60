from odoo import fields, models
from odoo.exceptions import UserError


class SmsTemplate(models.Model):
    _inherit = "sms.template"

    provider_template_code = fields.Char(
        help="Code of the approved template at the SMS provider, e.g. SMS_123456789 "
        "(Alibaba Cloud) or 1234567 (Tencent Cloud).",
    )
    provider_template_params = fields.Text(
        "Provider Template Parameters",
        help="One parameter a line, as name = value; values use the same "
        "placeholders as the body, e.g. name = {{ object.name }}.",
    )

    def _render_provider_params(self, res_ids):
        """Render the provider parameters of this template for ``res_ids``.

        :return: {res_id: {name: value}} (values as strings)
        """
        self.ensure_one()
        if not self.provider_template_params:
            return dict.fromkeys(res_ids, {})
        rendered = self._render_field(
            "provider_template_params", res_ids, compute_lang=True
        )
        return {
            res_id: self._parse_provider_params(text)
            for res_id, text in rendered.items()
        }

    def _parse_provider_params(self, text):
        params = {}
        for line in (text or "").splitlines():
            if not line.strip():
                continue
            name, sep, value = line.partition("=")
            if not sep or not name.strip():
                raise UserError(
                    self.env._(
                        "SMS template %(template)s: the provider parameter line "
                        "“%(line)s” must read name = value.",
                        template=self.name,
                        line=line,
                    )
                )
            params[name.strip()] = value.strip()
        return params
