"""Trajectory left this app for `trajectories` (its table stays: state only)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0002_gp_import"),
        ("trajectories", "0001_move_trajectory_from_participants"),
        # Every foreign key to the model must point at the new label before it leaves here.
        ("goals", "0003_goal_trajectory_moved_to_trajectories"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Trajectory")],
            database_operations=[],
        ),
    ]
