from canbo.rules.views.copy import rule_set_copy
from canbo.rules.views.parameters import parameter_edit, rule_list
from canbo.rules.views.standards import standard_version_new

__all__ = ["parameter_edit", "rule_list", "rule_set_copy", "standard_version_new"]
