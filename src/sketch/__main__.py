from sketch.cli import main

main()
