"""Every API token has an expiry (set for older tokens by 0002).

A separate migration: on PostgreSQL a column cannot be altered in the transaction that just updated
its rows while foreign-key checks are still pending.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("partners", "0002_apitoken_scope_expiry")]

    operations = [
        migrations.AlterField(model_name="apitoken", name="expires_at", field=models.DateTimeField()),
    ]
