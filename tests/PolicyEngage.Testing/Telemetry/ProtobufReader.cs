namespace PolicyEngage.Testing.Telemetry;

/// <summary>
/// Just enough of the protobuf wire format to read OTLP requests: each field is a tag (number and wire type) and a
/// value; unknown fields are skipped, so the reader keeps working when OTLP grows fields.
/// </summary>
internal ref struct ProtobufReader(ReadOnlySpan<byte> buffer)
{
    private readonly ReadOnlySpan<byte> _buffer = buffer;
    private int _position;

    public int Field { get; private set; }
    private int _wireType;

    public bool Next()
    {
        if (_position >= _buffer.Length) return false;
        var tag = ReadVarint();
        Field = (int)(tag >> 3);
        _wireType = (int)(tag & 7);
        return true;
    }

    public ReadOnlySpan<byte> Bytes()
    {
        var length = checked((int)ReadVarint());
        var value = _buffer.Slice(_position, length);
        _position += length;
        return value;
    }

    public string String() => System.Text.Encoding.UTF8.GetString(Bytes());

    public ulong Varint() => ReadVarint();

    public void Skip()
    {
        switch (_wireType)
        {
            case 0: ReadVarint(); break;
            case 1: _position += 8; break;
            case 2: Bytes(); break;
            case 5: _position += 4; break;
            default: throw new FormatException($"Wire type {_wireType} is not one OTLP uses.");
        }
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var next = _buffer[_position++];
            value |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80) return value;
        }
        throw new FormatException("A varint longer than ten bytes.");
    }
}
