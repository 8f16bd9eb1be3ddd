"""API tokens get a scope and an expiry.

Tokens made before this keep the access they had (read and write) and expire 90 days after this
migration runs, so no program stops without warning today.
"""

from datetime import timedelta

from django.db import migrations, models
from django.utils import timezone


def expire_existing(apps, schema_editor):
    ApiToken = apps.get_model("partners", "ApiToken")
    ApiToken.objects.update(scope="write", expires_at=timezone.now() + timedelta(days=90))


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="scope",
            field=models.CharField(
                choices=[("read", "Read only"), ("write", "Read and write")], default="read", max_length=8
            ),
        ),
        migrations.AddField(model_name="apitoken", name="expires_at", field=models.DateTimeField(null=True)),
        migrations.RunPython(expire_existing, migrations.RunPython.noop),
    ]
