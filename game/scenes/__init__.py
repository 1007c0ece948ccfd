"""The screens of the game, one module each, and the dialogs that sit on top of them."""
