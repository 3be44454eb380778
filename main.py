"""Start the kiosk: ``python main.py [--windowed]``. See README.md."""

from kiosk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
