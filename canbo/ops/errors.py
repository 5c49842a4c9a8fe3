class BackupError(Exception):
    """A backup or restore refused or failed, with the reason in the reader's language."""
