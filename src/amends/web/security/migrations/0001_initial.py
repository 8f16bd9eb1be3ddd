"""Take over the partners app's API tokens, app locks and request counters, tables and rows as they are.

State only: the tables were created by partners 0001-0003 and keep their names (Meta.db_table), so
an existing database upgrades without copying a row, and a new one gets them from those migrations.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("partners", "0004_security_models_move"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ApiToken",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=60)),
                        ("token_hash", models.CharField(max_length=64, unique=True)),
                        ("prefix", models.CharField(max_length=12)),
                        (
                            "scope",
                            models.CharField(
                                choices=[("read", "Read only"), ("write", "Read and write")], default="read", max_length=8
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("expires_at", models.DateTimeField()),
                        ("last_used_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="api_tokens",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={"db_table": "partners_apitoken", "ordering": ["-created_at"]},
                ),
                migrations.CreateModel(
                    name="AppLock",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("pin_hash", models.CharField(max_length=256)),
                        ("idle_minutes", models.PositiveIntegerField(default=5)),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="app_lock",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={"db_table": "partners_applock"},
                ),
                migrations.CreateModel(
                    name="RateCounter",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("key", models.CharField(max_length=64)),
                        ("bucket", models.CharField(max_length=32)),
                        ("window_start", models.DateTimeField()),
                        ("count", models.PositiveIntegerField(default=0)),
                    ],
                    options={
                        "db_table": "partners_ratecounter",
                        "indexes": [models.Index(fields=["window_start"], name="ratecounter_window")],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("key", "bucket", "window_start"), name="one_counter_per_window"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        )
    ]
