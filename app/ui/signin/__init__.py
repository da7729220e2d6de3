"""The sign-in screen: choose your name, type your passphrase; new profile; recovery."""
