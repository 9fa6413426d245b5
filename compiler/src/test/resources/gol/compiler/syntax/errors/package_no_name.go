package

func main() {
}
