"""Goal.trajectory now points at `trajectories.Trajectory` (same table: state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("goals", "0002_alter_goal_options_goal_previous_goal_recorded_by"),
        ("trajectories", "0001_move_trajectory_from_participants"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="goal",
                    name="trajectory",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="goals",
                        to="trajectories.trajectory",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
