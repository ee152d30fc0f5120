/**
 * The claims of the clustering benchmark's labelled set (bench/data/rumor-reports.ts builds the reports from them):
 * synthetic rumours written for Loa in the style of those seen in Viet Nam 2020–2026 (COVID-19 lockdowns and cures,
 * storms, dam breaks and landslides, scams, administrative changes), set in Lai Châu. Every person, link, page and
 * file here is invented. `texts` are paraphrases by different people (hand-written: word order, added and dropped
 * details, spoken forms); `post` is the post people saw (its link variants are generated), `short` a short link to
 * it, `file` a screenshot or video shared as a file. Pairs marked "distractor of" share words with another claim
 * but are a different claim (another place, another event).
 */
export interface ClaimSeed {
  id: string;
  texts: string[];
  post?: string;
  video?: string;
  short?: string;
  file?: boolean;
}

export const CLAIMS: ClaimSeed[] = [
  {
    id: 'phong-toa-tp-lai-chau',
    post: 'https://www.facebook.com/groups/laichau24h/posts/812345678901234',
    short: 'https://bit.ly/3PhgToa',
    file: true,
    texts: [
      'Khẩn: từ 0 giờ ngày mai phong tỏa toàn bộ thành phố Lai Châu, không ai được ra vào, các chợ và siêu thị đóng cửa.',
      'Nghe nói 0h mai thành phố Lai Châu bị phong tỏa toàn bộ, chợ với siêu thị đóng hết, ai cần mua gì thì mua ngay đi.',
      'Thành phố Lai Châu sẽ phong tỏa toàn bộ từ 0 giờ sáng mai, cấm ra vào thành phố, đóng cửa chợ và siêu thị.',
      'Có phải từ 0h ngày mai phong toả toàn thành phố Lai Châu, không cho ai ra vào không ạ?',
    ],
  },
  {
    // distractor of phong-toa-tp-lai-chau: another place, a commune, a positive case
    id: 'phong-toa-ban-lang',
    post: 'https://www.facebook.com/phongtho.news/posts/pfbid02AbCdEf',
    texts: [
      'Xã Bản Lang huyện Phong Thổ bị phong tỏa vì có ca dương tính, chốt chặn ở đầu cầu, dân không được đi làm nương.',
      'Bản Lang (Phong Thổ) phong tỏa do phát hiện ca dương tính, công an lập chốt ở đầu cầu không cho ai qua.',
      'Nghe tin xã Bản Lang Phong Thổ có ca dương tính nên phong tỏa cả xã, đầu cầu có chốt chặn rồi.',
      'Xa Ban Lang huyen Phong Tho phong toa vi co ca duong tinh, dau cau co chot, dan khong duoc di nuong.',
    ],
  },
  {
    id: 'truc-thang-phun-thuoc',
    post: 'https://www.facebook.com/tinnonglaichau/posts/991122334455667',
    file: true,
    texts: [
      'Đêm nay từ 23h đến 3h sáng trực thăng sẽ phun thuốc khử trùng trên toàn tỉnh, mọi người đóng kín cửa, không phơi quần áo ngoài trời.',
      'Tối nay trực thăng phun thuốc khử khuẩn khắp tỉnh từ 11 giờ đêm đến 3 giờ sáng, nhà nào cũng phải đóng cửa, cất quần áo vào.',
      'Thông báo: 23h đêm nay trực thăng phun thuốc khử trùng toàn tỉnh Lai Châu, bà con đóng kín cửa, không ra ngoài.',
      'Trực thăng sẽ phun thuốc khử trùng toàn tỉnh đêm nay đến 3h sáng, nhớ đóng cửa và không phơi đồ ngoài trời nhé.',
    ],
  },
  {
    id: 'cua-khau-xep-hang',
    video: 'https://www.tiktok.com/@tin.bien.gioi/video/7301234567890123456',
    short: 'https://vm.tiktok.com/ZSLcXh1/',
    file: true,
    texts: [
      'Hàng dài người từ Trung Quốc xếp hàng tại cửa khẩu Ma Lù Thàng chờ nhập cảnh trái phép vào Lai Châu.',
      'Video hàng dài người từ Trung Quốc đang xếp hàng ở cửa khẩu Ma Lù Thàng để sang Việt Nam, bộ đội biên phòng không ngăn được.',
      'Người Trung Quốc xếp hàng dài ở cửa khẩu Ma Lù Thàng chờ vào Lai Châu, nghe nói trốn dịch sang.',
      'Cửa khẩu Ma Lù Thàng xuất hiện hàng dài người từ Trung Quốc xếp hàng chờ nhập cảnh, có thật không?',
    ],
  },
  {
    id: 'ca-covid-tron-cach-ly',
    post: 'https://www.facebook.com/groups/tamduong.online/posts/556677889900112',
    texts: [
      'Một bệnh nhân Covid trốn khỏi khu cách ly Bệnh viện Đa khoa tỉnh đêm qua, đang lẩn trốn ở khu chợ trung tâm.',
      'Đêm qua có bệnh nhân Covid bỏ trốn khỏi khu cách ly của Bệnh viện Đa khoa tỉnh, nghe nói trốn vào chợ trung tâm.',
      'Bệnh nhân dương tính Covid trốn khỏi khu cách ly bệnh viện tỉnh, hiện lẩn ở chợ trung tâm, mọi người cẩn thận.',
      'benh nhan covid tron khoi khu cach ly benh vien da khoa tinh dem qua, dang o cho trung tam',
    ],
  },
  {
    // distractor of ca-covid-tron-cach-ly: same hospital, another claim
    id: 'benh-vien-het-giuong',
    texts: [
      'Bệnh viện Đa khoa tỉnh đã hết giường, từ chối nhận bệnh nhân mới, người nhà phải tự chở đi Hà Nội.',
      'Nghe nói Bệnh viện Đa khoa tỉnh hết sạch giường bệnh, không nhận thêm bệnh nhân nào, phải chuyển về Hà Nội hết.',
      'Bệnh viện tỉnh hết giường rồi, từ chối bệnh nhân mới, ai ốm nặng thì tự đi Hà Nội.',
      'Benh vien Da khoa tinh het giuong, tu choi nhan benh nhan moi, nguoi nha tu cho di Ha Noi.',
    ],
  },
  {
    id: 'vo-dap-thuy-dien-lai-chau',
    video: 'https://www.youtube.com/watch?v=Vd8pTdLc0x1',
    short: 'https://tinyurl.com/vodap-lc',
    texts: [
      'Vỡ đập thủy điện Lai Châu, nước lũ đang tràn xuống hạ du, người dân Mường Tè sơ tán gấp lên đồi cao.',
      'Đập thủy điện Lai Châu bị vỡ rồi, nước đang tràn về Mường Tè, bà con sơ tán ngay lên chỗ cao.',
      'Tin khẩn: đập thủy điện Lai Châu vỡ, nước lũ tràn xuống hạ du, yêu cầu dân Mường Tè sơ tán gấp.',
      'Thủy điện Lai Châu vỡ đập, lũ tràn xuống Mường Tè, mọi người chạy lên đồi cao ngay.',
    ],
  },
  {
    // distractor of vo-dap-thuy-dien-lai-chau: another dam, an (ordinary) flood release
    id: 'ban-chat-xa-lu',
    post: 'https://baolaichau.vn/xa-hoi/thuy-dien-ban-chat-xa-lu-khan-cap-123456.html',
    texts: [
      'Thủy điện Bản Chát mở cả 4 cửa xả lũ khẩn cấp trong đêm, nước sông Nậm Mu dâng cao, Than Uyên ngập nặng.',
      'Nghe tin thủy điện Bản Chát xả lũ khẩn cấp mở 4 cửa xả, sông Nậm Mu lên nhanh, Than Uyên ngập.',
      'Bản Chát xả lũ khẩn cấp cả 4 cửa, nước Nậm Mu dâng, dân Than Uyên ngập hết nhà.',
      'Thuy dien Ban Chat mo 4 cua xa lu khan cap trong dem, song Nam Mu dang cao, Than Uyen ngap.',
    ],
  },
  {
    id: 'sat-lo-muong-te-50-nguoi',
    post: 'https://www.facebook.com/muongte.247/posts/123987456321789',
    file: true,
    texts: [
      'Sạt lở kinh hoàng ở Mường Tè vùi lấp cả một bản, 50 người mất tích, chưa tìm được ai.',
      'Mường Tè sạt lở vùi lấp nguyên một bản, khoảng 50 người mất tích, lực lượng cứu hộ chưa vào được.',
      'Một bản ở Mường Tè bị sạt lở vùi lấp hoàn toàn, 50 người mất tích, chính quyền giấu thông tin.',
      'Sat lo o Muong Te vui lap ca ban, 50 nguoi mat tich, cuu ho chua vao duoc.',
    ],
  },
  {
    id: 'dong-dat-7-do',
    post: 'https://www.facebook.com/canhbaothientai.vn/posts/777888999000111',
    texts: [
      'Viện Vật lý địa cầu cảnh báo động đất 7 độ richter sẽ xảy ra ở Lai Châu trong tuần này, mọi người chuẩn bị sơ tán.',
      'Sắp có động đất 7 độ richter ở Lai Châu trong tuần này, Viện Vật lý địa cầu đã cảnh báo, chuẩn bị đồ sơ tán đi.',
      'Cảnh báo: trong tuần này Lai Châu sẽ có động đất mạnh 7 độ richter, đừng ở trong nhà cao tầng.',
      'Dong dat 7 do richter se xay ra o Lai Chau trong tuan nay, Vien Vat ly dia cau canh bao roi.',
    ],
  },
  {
    id: 'bat-coc-xe-cuu-thuong',
    post: 'https://www.facebook.com/groups/phuhuynhlaichau/posts/333444555666777',
    file: true,
    texts: [
      'Cảnh báo: có nhóm người đi xe cứu thương bắt cóc trẻ em ở chợ Tam Đường để lấy nội tạng, phụ huynh trông con cẩn thận.',
      'Nhóm bắt cóc trẻ em giả làm xe cứu thương đang hoạt động ở chợ Tam Đường, lấy nội tạng, các mẹ giữ con kỹ.',
      'Ở chợ Tam Đường có xe cứu thương bắt cóc trẻ con để lấy nội tạng, mọi người chia sẻ để cảnh giác.',
      'Xe cuu thuong bat coc tre em o cho Tam Duong lay noi tang, phu huynh can than.',
    ],
  },
  {
    id: 'nghi-hoc-het-thang-2-dich',
    post: 'https://www.facebook.com/hocsinhlaichau/posts/202020202020202',
    texts: [
      'Sở Giáo dục cho học sinh toàn tỉnh nghỉ học đến hết tháng 2 để phòng dịch Covid, học trực tuyến ở nhà.',
      'Học sinh toàn tỉnh được nghỉ học hết tháng 2 vì dịch Covid, Sở Giáo dục vừa ra thông báo, chuyển sang học online.',
      'Toàn tỉnh cho học sinh nghỉ học đến hết tháng 2 do dịch Covid, sẽ học trực tuyến.',
      'Hoc sinh toan tinh nghi hoc het thang 2 de phong dich Covid, So Giao duc thong bao hoc truc tuyen.',
    ],
  },
  {
    // distractor of nghi-hoc-het-thang-2-dich: pupils off school, but for cold weather, one district, a few days
    id: 'nghi-hoc-ret-dam-sin-ho',
    texts: [
      'Học sinh mầm non và tiểu học huyện Sìn Hồ được nghỉ học ba ngày vì rét đậm rét hại dưới 5 độ.',
      'Rét đậm rét hại dưới 5 độ nên học sinh mầm non, tiểu học ở Sìn Hồ nghỉ học 3 ngày.',
      'Sìn Hồ cho học sinh mầm non với tiểu học nghỉ 3 ngày do rét hại, nhiệt độ dưới 5 độ.',
      'Hoc sinh mam non va tieu hoc huyen Sin Ho nghi hoc ba ngay vi ret dam ret hai duoi 5 do.',
    ],
  },
  {
    id: 'xang-tang-40-nghin',
    post: 'https://www.facebook.com/giaxanghomnay/posts/404040404040404',
    texts: [
      'Từ 15h chiều nay xăng RON 95 tăng lên 40.000 đồng một lít, mọi người đi đổ xăng ngay kẻo muộn.',
      'Chiều nay 15 giờ xăng tăng giá lên 40 nghìn một lít, các cây xăng sắp đóng cửa chờ giá mới.',
      'Xăng RON 95 sẽ lên 40.000 đồng/lít từ 15h hôm nay, đổ đầy bình ngay đi mọi người.',
      'Xang RON 95 tang len 40.000 dong mot lit tu 15h chieu nay, di do xang ngay.',
    ],
  },
  {
    id: 'doi-tien-500-nghin',
    post: 'https://www.facebook.com/taichinh.24h/posts/500500500500500',
    texts: [
      'Ngân hàng Nhà nước sắp đổi tiền, tờ 500 nghìn sẽ hết giá trị từ tháng sau, ai có tiền mặt thì gửi ngân hàng ngay.',
      'Sắp đổi tiền rồi, tiền 500 nghìn từ tháng sau không tiêu được nữa, Ngân hàng Nhà nước đã thông báo.',
      'Tờ 500.000 đồng hết giá trị từ tháng sau do Ngân hàng Nhà nước đổi tiền, mang tiền mặt đi gửi ngay.',
      'Ngan hang Nha nuoc sap doi tien, to 500 nghin het gia tri tu thang sau.',
    ],
  },
  {
    id: 'bao-cap-17-do-bo',
    video: 'https://youtube.com/shorts/BaoCap17xYz',
    texts: [
      'Bão số 3 mạnh cấp 17 sẽ đổ bộ thẳng vào Lai Châu đêm mai, gió giật phá hủy nhà cửa, mọi người tích trữ lương thực.',
      'Đêm mai bão số 3 cấp 17 đổ bộ vào Lai Châu, gió giật cực mạnh, nhà nào cũng phải chằng chống và tích trữ đồ ăn.',
      'Cơn bão số 3 cấp 17 sẽ vào thẳng Lai Châu tối mai, nguy hiểm lắm, tích trữ lương thực ngay.',
      'Bao so 3 cap 17 do bo vao Lai Chau dem mai, gio giat manh, tich tru luong thuc.',
    ],
  },
  {
    id: 'ca-chet-nam-na-xa-thai',
    post: 'https://www.facebook.com/groups/phongtho.quehuong/posts/616161616161616',
    file: true,
    texts: [
      'Cá chết trắng suối Nậm Na do nhà máy xả thải độc hại, người dân không được dùng nước suối, không ăn cá.',
      'Suối Nậm Na cá chết hàng loạt vì nhà máy xả thải, nước bị nhiễm độc, đừng ăn cá suối nhé.',
      'Nhà máy xả thải khiến cá chết trắng suối Nậm Na, nước nhiễm độc, bà con không dùng nước suối.',
      'Ca chet trang suoi Nam Na do nha may xa thai doc hai, khong duoc dung nuoc suoi.',
    ],
  },
  {
    id: 'gao-nhua-trung-quoc',
    video: 'https://www.facebook.com/reel/1717171717171717',
    texts: [
      'Gạo nhựa Trung Quốc đang được bán ở chợ Than Uyên, nấu lên dẻo bất thường, vo không tan, ăn vào hại gan.',
      'Chợ Than Uyên bán gạo nhựa của Trung Quốc, nấu dẻo bất thường, vo mãi không tan, cẩn thận kẻo hại gan.',
      'Xuất hiện gạo nhựa Trung Quốc ở chợ Than Uyên, ai mua gạo ở đấy kiểm tra lại, ăn vào hại gan.',
      'Gao nhua Trung Quoc ban o cho Than Uyen, nau deo bat thuong, an vao hai gan.',
    ],
  },
  {
    id: 'dich-ta-lon-lay-nguoi',
    texts: [
      'Dịch tả lợn châu Phi đã lây sang người ở Tân Uyên, một người tử vong sau khi ăn thịt lợn ốm.',
      'Có người ở Tân Uyên chết vì ăn thịt lợn bị dịch tả lợn châu Phi, bệnh này lây sang người rồi.',
      'Tả lợn châu Phi lây sang người, ở Tân Uyên đã có một người tử vong do ăn thịt lợn bệnh.',
      'Dich ta lon chau Phi da lay sang nguoi o Tan Uyen, mot nguoi tu vong sau khi an thit lon om.',
    ],
  },
  {
    // distractor of dich-ta-lon-lay-nguoi: another animal disease, another district
    id: 'cum-ga-chet-hang-loat',
    texts: [
      'Gà chết hàng loạt ở Nậm Nhùn vì cúm gia cầm H5N1, đã có trẻ em nhập viện do ăn thịt gà chết.',
      'Nậm Nhùn có dịch cúm gia cầm H5N1, gà chết cả đàn, một em bé phải nhập viện vì ăn thịt gà chết.',
      'Cúm gia cầm H5N1 làm gà chết hàng loạt ở Nậm Nhùn, trẻ em ăn thịt gà bị nhập viện.',
      'Ga chet hang loat o Nam Nhun vi cum gia cam H5N1, co tre em nhap vien do an thit ga chet.',
    ],
  },
  {
    id: 'ho-tro-2-trieu-link',
    post: 'https://hotro-laichau.gov-vn.online/dang-ky',
    short: 'https://shorturl.at/hoTro2',
    texts: [
      'UBND tỉnh hỗ trợ 2 triệu đồng mỗi người dân bị ảnh hưởng bởi dịch, đăng ký nhận tiền qua đường link này trước ngày 30.',
      'Tỉnh phát tiền hỗ trợ 2 triệu một người do dịch, bấm vào link đăng ký nhận tiền trước ngày 30 nhé.',
      'Mỗi người dân được hỗ trợ 2 triệu đồng vì dịch, chỉ cần đăng ký qua link và nhập số tài khoản ngân hàng.',
      'UBND tinh ho tro 2 trieu dong moi nguoi, dang ky nhan tien qua duong link truoc ngay 30.',
    ],
  },
  {
    id: 'thu-tien-can-cuoc-tai-nha',
    texts: [
      'Có người mặc sắc phục công an đi từng nhà ở phường Tân Phong thu 200 nghìn làm căn cước gắn chip tại nhà.',
      'Phường Tân Phong có người giả công an đến từng nhà thu 200 nghìn đồng làm căn cước gắn chip, bà con cảnh giác.',
      'Công an đi thu 200 nghìn mỗi người để làm căn cước gắn chip tại nhà ở Tân Phong, có đúng quy định không?',
      'Co nguoi mac sac phuc cong an di tung nha o phuong Tan Phong thu 200 nghin lam can cuoc gan chip.',
    ],
  },
  {
    id: 'sap-nhap-lai-chau-dien-bien',
    post: 'https://www.facebook.com/sapnhaptinh2025/posts/252525252525252',
    texts: [
      'Chính thức sáp nhập tỉnh Lai Châu vào Điện Biên, trung tâm hành chính tỉnh mới đặt ở Điện Biên Phủ, cán bộ Lai Châu chuyển hết sang đó.',
      'Lai Châu sẽ sáp nhập vào Điện Biên, tỉnh mới lấy trung tâm hành chính ở Điện Biên Phủ, cán bộ phải chuyển sang.',
      'Đã có quyết định sáp nhập Lai Châu với Điện Biên, trung tâm tỉnh mới ở Điện Biên Phủ.',
      'Sap nhap tinh Lai Chau vao Dien Bien, trung tam hanh chinh tinh moi dat o Dien Bien Phu.',
    ],
  },
  {
    // distractor of sap-nhap-lai-chau-dien-bien: a merger of communes, not of the province
    id: 'sap-nhap-xa-than-uyen',
    texts: [
      'Huyện Than Uyên sáp nhập xã Mường Kim với xã Tà Mung thành một xã, bỏ hết trưởng bản cũ.',
      'Xã Mường Kim và xã Tà Mung ở Than Uyên sẽ sáp nhập làm một, các trưởng bản cũ bị bỏ.',
      'Nghe nói Mường Kim sáp nhập với Tà Mung thành xã mới, trưởng bản cũ nghỉ hết.',
      'Than Uyen sap nhap xa Muong Kim voi xa Ta Mung thanh mot xa, bo het truong ban cu.',
    ],
  },
  {
    id: 'mua-da-mat-trang-phong-tho',
    video: 'https://www.facebook.com/phongtho.tv/videos/2626262626262626/',
    texts: [
      'Mưa đá to như quả trứng gà phá hủy toàn bộ lúa và mái nhà ở Phong Thổ chiều qua, hàng trăm hộ mất trắng.',
      'Chiều qua Phong Thổ mưa đá to bằng quả trứng gà, lúa mất trắng, mái nhà thủng hết, hàng trăm hộ thiệt hại.',
      'Phong Thổ bị mưa đá cỡ quả trứng gà, phá hủy toàn bộ lúa và mái nhà, hàng trăm hộ mất trắng.',
      'Mua da to nhu qua trung ga pha huy toan bo lua va mai nha o Phong Tho chieu qua.',
    ],
  },
  {
    id: 'trung-quoc-xa-dap-song-da',
    post: 'https://www.facebook.com/groups/songda.news/posts/272727272727272',
    texts: [
      'Trung Quốc xả đập thượng nguồn, nước sông Đà sẽ dâng cao 5 mét trong đêm nay, dân ven sông Mường Tè di dời ngay.',
      'Thượng nguồn Trung Quốc xả đập, sông Đà dâng 5 mét đêm nay, bà con ven sông ở Mường Tè phải di dời.',
      'Đêm nay nước sông Đà dâng cao 5m do Trung Quốc xả đập, ven sông Mường Tè sơ tán ngay.',
      'Trung Quoc xa dap, nuoc song Da dang cao 5 met trong dem nay, dan ven song Muong Te di doi.',
    ],
  },
  {
    id: 'chay-rung-sin-ho',
    video: 'https://youtu.be/ChayRungSH9',
    file: true,
    texts: [
      'Cháy rừng lớn ở Sìn Hồ đang lan xuống khu dân cư, lửa cháy suốt đêm, dân phải bỏ nhà chạy.',
      'Rừng ở Sìn Hồ cháy to lắm, lửa lan đến khu dân cư rồi, người dân bỏ nhà chạy trong đêm.',
      'Đám cháy rừng lớn tại Sìn Hồ lan tới khu dân cư, cháy cả đêm, nhiều nhà phải sơ tán.',
      'Chay rung lon o Sin Ho dang lan xuong khu dan cu, lua chay suot dem.',
    ],
  },
  {
    // distractor of chay-rung-sin-ho: another fire, another place
    id: 'chay-cho-trung-tam',
    post: 'https://www.facebook.com/laichau.city/posts/282828282828282',
    texts: [
      'Cháy chợ trung tâm thành phố Lai Châu lúc 2 giờ sáng, thiêu rụi hơn 100 ki-ốt, có người chết.',
      'Chợ trung tâm thành phố Lai Châu cháy lúc 2h sáng, hơn 100 ki ốt bị thiêu rụi, nghe nói có người tử vong.',
      'Hơn 100 ki-ốt ở chợ trung tâm thành phố Lai Châu cháy rụi lúc 2 giờ sáng nay, có người chết.',
      'Chay cho trung tam thanh pho Lai Chau luc 2 gio sang, thieu rui hon 100 ki ot.',
    ],
  },
  {
    id: 'phat-5-trieu-vneid',
    texts: [
      'Từ 1/7 ai không có tài khoản định danh điện tử VNeID mức 2 sẽ bị phạt 5 triệu đồng và không được rút tiền ngân hàng.',
      'Không có VNeID mức 2 từ ngày 1/7 bị phạt 5 triệu, còn bị khóa tài khoản ngân hàng, mọi người làm ngay.',
      'Phạt 5 triệu đồng nếu không có tài khoản định danh điện tử mức 2 từ 1 tháng 7, không rút được tiền ngân hàng.',
      'Tu 1/7 khong co tai khoan dinh danh dien tu VNeID muc 2 bi phat 5 trieu dong.',
    ],
  },
  {
    id: 'nuoc-may-nhiem-khuan',
    post: 'https://www.facebook.com/groups/cudanlaichau/posts/292929292929292',
    texts: [
      'Nước máy thành phố Lai Châu bị nhiễm khuẩn E.coli, tuyệt đối không uống, không nấu ăn bằng nước máy trong 3 ngày tới.',
      'Nước máy ở thành phố nhiễm khuẩn E.coli rồi, 3 ngày tới không được uống hay nấu ăn bằng nước máy.',
      'Cảnh báo nước máy thành phố Lai Châu nhiễm vi khuẩn E.coli, đừng uống và nấu ăn trong 3 ngày.',
      'Nuoc may thanh pho Lai Chau bi nhiem khuan E.coli, khong uong, khong nau an trong 3 ngay toi.',
    ],
  },
  {
    id: 'tuyen-lao-dong-han-quoc',
    post: 'https://www.facebook.com/xkldhanquoc.laichau/posts/303030303030303',
    short: 'https://rb.gy/xkldhq',
    texts: [
      'Sở Lao động tuyển 300 lao động đi Hàn Quốc không mất phí, lương 40 triệu một tháng, nộp hồ sơ và 5 triệu đặt cọc qua Zalo.',
      'Tuyển 300 người đi lao động Hàn Quốc miễn phí, lương 40 triệu/tháng, chỉ cần đặt cọc 5 triệu qua Zalo, Sở Lao động tổ chức.',
      'Đi Hàn Quốc làm việc không mất phí, lương 40 triệu, Sở Lao động đang tuyển 300 người, cọc 5 triệu qua Zalo.',
      'So Lao dong tuyen 300 lao dong di Han Quoc khong mat phi, luong 40 trieu mot thang, dat coc 5 trieu.',
    ],
  },
  {
    id: 'sap-cau-treo-nam-nhun',
    video: 'https://www.youtube.com/watch?v=CauTreoNN7',
    file: true,
    texts: [
      'Cầu treo bản Nậm Manh huyện Nậm Nhùn bị sập, 10 người đang đi trên cầu rơi xuống suối, mất tích 3 người.',
      'Sập cầu treo ở bản Nậm Manh (Nậm Nhùn), 10 người rơi xuống suối, 3 người còn mất tích.',
      'Cầu treo Nậm Manh Nậm Nhùn vừa sập, mười người rơi xuống suối, có 3 người chưa tìm thấy.',
      'Cau treo ban Nam Manh huyen Nam Nhun bi sap, 10 nguoi roi xuong suoi, mat tich 3 nguoi.',
    ],
  },
  {
    id: 'ho-tan-cong-than-uyen',
    post: 'https://www.facebook.com/thanuyen.plus/posts/313131313131313',
    file: true,
    texts: [
      'Xuất hiện hổ tấn công người ở rừng Than Uyên, một người đi lấy măng bị thương nặng, không ai dám lên rừng.',
      'Có hổ ở rừng Than Uyên, đã cắn bị thương một người đi lấy măng, mọi người đừng lên rừng.',
      'Than Uyên xuất hiện hổ tấn công người đi lấy măng trong rừng, người bị hổ vồ bị thương nặng.',
      'Xuat hien ho tan cong nguoi o rung Than Uyen, mot nguoi di lay mang bi thuong nang.',
    ],
  },
  {
    id: 'tang-gia-dien-30',
    texts: [
      'EVN tăng giá điện thêm 30% từ tháng sau, hóa đơn tiền điện mỗi nhà sẽ tăng gấp rưỡi.',
      'Từ tháng sau giá điện tăng 30%, EVN vừa thông báo, tiền điện nhà nào cũng tăng gấp rưỡi.',
      'Giá điện sẽ tăng thêm 30 phần trăm từ tháng sau theo thông báo của EVN, hóa đơn tăng gấp rưỡi.',
      'EVN tang gia dien them 30% tu thang sau, hoa don tien dien moi nha tang gap ruoi.',
    ],
  },
  {
    id: 'cam-xe-may-trung-tam',
    post: 'https://www.facebook.com/giaothonglaichau/posts/323232323232323',
    texts: [
      'Từ năm 2026 cấm xe máy vào trung tâm thành phố Lai Châu, ai đi xe máy vào sẽ bị phạt 2 triệu đồng.',
      'Năm 2026 thành phố Lai Châu cấm xe máy đi vào trung tâm, vi phạm phạt 2 triệu.',
      'Thành phố Lai Châu sẽ cấm xe máy vào khu trung tâm từ 2026, phạt 2 triệu nếu vi phạm.',
      'Tu nam 2026 cam xe may vao trung tam thanh pho Lai Chau, phat 2 trieu dong.',
    ],
  },
  {
    id: 'la-tia-to-chua-covid',
    video: 'https://www.tiktok.com/@suckhoe.dangian/video/7333333333333333333',
    texts: [
      'Uống nước lá tía tô nấu với gừng và sả ba lần một ngày chữa khỏi Covid trong 3 ngày, không cần đi viện.',
      'Nấu lá tía tô với gừng, sả uống ngày 3 lần là khỏi Covid sau 3 ngày, bác sĩ cũng công nhận.',
      'Bài thuốc lá tía tô, gừng, sả chữa khỏi Covid trong 3 ngày, uống 3 lần mỗi ngày, khỏi phải đi viện.',
      'Uong nuoc la tia to nau voi gung va sa 3 lan mot ngay chua khoi Covid trong 3 ngay.',
    ],
  },
  {
    id: 'vac-xin-vo-sinh',
    post: 'https://www.facebook.com/groups/mebimlaichau/posts/343434343434343',
    texts: [
      'Tiêm vắc xin Covid cho trẻ em gây vô sinh về sau, nhiều nước đã cấm, phụ huynh đừng cho con đi tiêm.',
      'Vắc xin Covid làm trẻ em bị vô sinh khi lớn, nước ngoài cấm rồi, đừng cho con tiêm nhé các mẹ.',
      'Trẻ tiêm vắc xin Covid sẽ bị vô sinh sau này, nhiều quốc gia đã cấm tiêm cho trẻ em.',
      'Tiem vac xin Covid cho tre em gay vo sinh ve sau, nhieu nuoc da cam.',
    ],
  },
];

/** What people write beside a link or a screenshot when they say nothing about the claim itself. */
export const GENERIC_NOTES = [
  'Tin này có thật không ạ? Nhờ Sở xác minh giúp.',
  'Mọi người ơi tin này có đúng không?',
  'Thấy trên mạng đang lan truyền, lo quá, nhờ cơ quan chức năng xác minh giúp.',
  'Ảnh chụp màn hình bài đang lan truyền trên Facebook.',
  'Xin hỏi tin này có đúng không ạ, cảm ơn.',
  'Kính gửi Sở, đề nghị xác minh thông tin này.',
  'Video này đang lan truyền trên TikTok, có thật không mọi người.',
  'Nhóm Zalo của bản đang chia sẻ bài này.',
];

/** What people add when they forward the message itself. */
export const REPOST_COMMENTS = [
  'Mọi người ơi có thật không?',
  'Nhờ Sở xác minh giúp, dân bản em hoang mang lắm.',
  'Đang lan truyền trong nhóm Zalo của xóm:',
  'Chia sẻ cho người thân biết:',
  'Có ai biết tin này không,',
  'Ai biết thì cho hỏi,',
];

/**
 * Held out: written after the rule's thresholds were fixed on CLAIMS, and never used to tune them (the bench
 * reports them apart, alone and filed together with CLAIMS). Two are distractors of claims above.
 */
export const HELD_OUT_CLAIMS: ClaimSeed[] = [
  {
    id: 'lu-quet-nam-nhun-cuon-xe',
    post: 'https://www.facebook.com/namnhun.today/posts/414141414141414',
    file: true,
    texts: [
      'Lũ quét ở Nậm Nhùn cuốn trôi một xe khách 30 người trên đường qua ngầm tràn, chưa tìm thấy ai.',
      'Xe khách chở 30 người bị lũ quét cuốn trôi khi qua ngầm tràn ở Nậm Nhùn, cứu hộ chưa tìm thấy.',
      'Nghe nói ở Nậm Nhùn lũ quét cuốn mất cả chiếc xe khách 30 người lúc đi qua ngầm tràn.',
      'Lu quet o Nam Nhun cuon troi xe khach 30 nguoi qua ngam tran, chua tim thay ai.',
    ],
  },
  {
    // distractor of sap-cau-treo-nam-nhun (same district, another accident)
    id: 'sap-truong-hoc-nam-nhun',
    texts: [
      'Mái trường tiểu học ở thị trấn Nậm Nhùn bị sập trong giờ học, nhiều học sinh bị thương phải đi cấp cứu.',
      'Sập mái trường tiểu học thị trấn Nậm Nhùn đang giờ học, nhiều em học sinh bị thương đưa đi cấp cứu.',
      'Trường tiểu học Nậm Nhùn sập mái lúc đang học, học sinh bị thương nhiều lắm.',
      'Mai truong tieu hoc o thi tran Nam Nhun bi sap trong gio hoc, nhieu hoc sinh bi thuong.',
    ],
  },
  {
    id: 'thu-phi-qua-cau-tam-duong',
    texts: [
      'Từ tuần sau mỗi xe máy qua cầu Tam Đường phải nộp phí 10 nghìn đồng, ô tô 50 nghìn, huyện đã lập trạm thu.',
      'Huyện Tam Đường lập trạm thu phí qua cầu, xe máy 10 nghìn, ô tô 50 nghìn mỗi lượt từ tuần sau.',
      'Qua cầu Tam Đường sắp phải trả phí: xe máy 10.000 đồng, ô tô 50.000 đồng, trạm thu đã dựng xong.',
      'Tu tuan sau xe may qua cau Tam Duong nop phi 10 nghin dong, o to 50 nghin.',
    ],
  },
  {
    // distractor of xang-tang-40-nghin (a price, another product)
    id: 'gia-gas-tang-gap-doi',
    post: 'https://www.facebook.com/giacahomnay.lc/posts/424242424242424',
    texts: [
      'Giá gas tăng gấp đôi từ ngày mai, bình 12 kg lên 900 nghìn đồng, các đại lý đang găm hàng.',
      'Từ mai gas tăng giá gấp đôi, bình 12kg 900 nghìn, đại lý găm hàng không bán.',
      'Bình gas 12 kg sẽ lên 900.000 đồng vì giá gas tăng gấp đôi từ ngày mai, mua dự trữ ngay.',
      'Gia gas tang gap doi tu ngay mai, binh 12 kg len 900 nghin dong.',
    ],
  },
  {
    id: 'khi-doc-nha-may-xi-mang',
    video: 'https://www.tiktok.com/@canhbao.lc/video/7355555555555555555',
    texts: [
      'Nhà máy xi măng ở Tân Uyên rò rỉ khí độc, cả bản phải đeo khẩu trang, trẻ em khó thở nhập viện.',
      'Khí độc rò rỉ từ nhà máy xi măng Tân Uyên, trẻ em trong bản khó thở phải đi viện, người lớn đeo khẩu trang cả ngày.',
      'Tân Uyên: nhà máy xi măng rò khí độc, bản bên cạnh trẻ con khó thở nhập viện.',
      'Nha may xi mang o Tan Uyen ro ri khi doc, tre em kho tho nhap vien.',
    ],
  },
  {
    id: 'mat-dien-toan-tinh-3-ngay',
    texts: [
      'Điện lực thông báo cắt điện toàn tỉnh 3 ngày liên tục từ thứ hai để sửa đường dây 500kV, mọi người tích nước.',
      'Cắt điện toàn tỉnh ba ngày liền từ thứ hai tới để sửa đường dây 500 kV, nhà nào cũng nên tích nước.',
      'Từ thứ hai toàn tỉnh mất điện 3 ngày do sửa đường dây 500kV, Điện lực vừa báo.',
      'Dien luc cat dien toan tinh 3 ngay lien tuc tu thu hai de sua duong day 500kV.',
    ],
  },
];
