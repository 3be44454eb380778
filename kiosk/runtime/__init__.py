"""What keeps the kiosk running, below the screens: idle reset, lockdown, hot reload, OS
signals, the systemd watchdog and supervisor, the error log. Uses Qt and the core, never the
screens (ui) or the composition root (app.py, cli.py): an import contract in pyproject.toml,
checked by .ci/run."""
