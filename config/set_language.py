# Run by `odoo shell` (scripts/serve, config/entrypoint.sh) on the first start:
# the language ORSUITE_LANG (e.g. zh_CN, loaded with --load-language) becomes
# the language of every contact and user (company, staff, owners, merchants)
# and of the contacts created later.
import os

lang = os.environ["ORSUITE_LANG"]
env["res.lang"]._activate_lang(lang)  # noqa: F821 (given by odoo shell)
env["res.partner"].with_context(active_test=False).search(  # noqa: F821
    [("lang", "!=", lang)]
).write({"lang": lang})
env["ir.default"].set("res.partner", "lang", lang)  # noqa: F821
env.cr.commit()  # noqa: F821
