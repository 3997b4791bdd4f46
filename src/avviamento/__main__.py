from avviamento.cli import main

main()
