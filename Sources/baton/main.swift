import BatonCLI

Baton.main()
