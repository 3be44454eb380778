"""Qt-free content: safe YAML loading, the content model and its validation."""
