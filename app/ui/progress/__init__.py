"""The Progress page: mastery, review forecast, activity, streak, and "what next"."""
