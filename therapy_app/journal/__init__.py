"""Storage: engine set-up, models, migrations, field encryption, audit log."""
