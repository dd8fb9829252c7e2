"""DfE validation rules for the CIN census and SSDA903: the catalogue is ``registry.catalogue()``.

One module per part of a return under ``cin/`` and ``ssda903/``; each rule is a function
decorated with ``@rule(family, code, description, years)``.  Parser field checks that stand for
a DfE rule are registered with ``inline`` in ``cin/inline.py`` and ``ssda903/inline.py``.
"""
