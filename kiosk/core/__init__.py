"""The Qt-free core: content and clinic settings (loaded and checked), the patient's session,
take-home text, usage counts, the staff PIN. Imports neither Qt nor the layers above it: an
import contract in pyproject.toml, checked by .ci/run."""
