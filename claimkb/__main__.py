from claimkb.cli import main

main()
