import sys

from app.hub.cli import main

sys.exit(main())
