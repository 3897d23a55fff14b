print("piloteval")
