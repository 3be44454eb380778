"""Qt widgets: screens, touch widgets and the theme. Everything here only lays out and reports."""
