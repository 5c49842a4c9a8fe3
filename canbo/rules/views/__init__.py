from canbo.rules.views.copy import rule_set_copy
from canbo.rules.views.parameters import parameter_edit, rule_list

__all__ = ["parameter_edit", "rule_list", "rule_set_copy"]
