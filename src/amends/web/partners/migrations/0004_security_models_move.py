"""API tokens, the app lock and the request counters move to the security app.

State only: the tables stay where they are, under their old names, and amends.web.security's
0001_initial takes them over. No row is copied or lost.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("partners", "0003_apitoken_expiry_required")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ApiToken"),
                migrations.DeleteModel(name="AppLock"),
                migrations.DeleteModel(name="RateCounter"),
            ],
            database_operations=[],
        )
    ]
