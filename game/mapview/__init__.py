"""Drawing the map: projection and camera, cached relief and territory layers, places,
armies, paths and the minimap. Nothing here knows the rules; it reads the state."""
