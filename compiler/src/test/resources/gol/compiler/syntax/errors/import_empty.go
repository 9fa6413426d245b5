package main

import ""
