"""Encrypted learner profiles (SQLCipher). No Qt here."""
