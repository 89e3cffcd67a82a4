from therapy_app.cli import main

main()
