"""Constants shared by the models of property_base."""

#: URL of a shipped xlsx import template, by technical model prefix.
TEMPLATE_PATH = "/property_base/static/xls/%s_import_template.xlsx"
