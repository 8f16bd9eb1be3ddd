"""The Django web app: a thin layer of views and templates over amends' services."""
