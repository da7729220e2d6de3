"""Item data roles as plain ints, for widgets built before the first paint.

``Qt.ItemDataRole.UserRole`` would do, but the first use of anything in PySide6's ``Qt``
namespace creates all its 94 enum types (10 to 20 ms), and the sign-in screen is painted
without it (docs/architecture.md, "Start-up"). Qt's item roles are fixed numbers of its
API; ``tests/ui/test_startup.py`` checks each against its enum.
"""

USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole
ACCESSIBLE_DESCRIPTION_ROLE = 12  # Qt.ItemDataRole.AccessibleDescriptionRole
