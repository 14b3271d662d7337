from quellenlage.cli import main

raise SystemExit(main())
