"""One router per resource (FastAPI's tutorial layout); each route only translates HTTP to a
``Services`` call and back."""
