/** A commune radio bulletin written from seed 002 (Tam Đường, Tết Tân Sửu 2021, Bluezone, weekly report). */
export const SEED_002_BULLETIN = [
  'THÔNG BÁO của UBND xã Bình Lư',
  '',
  'Thực hiện Thông báo số 62/TB-UBND ngày 01/02/2021 của UBND huyện Tam Đường và chỉ đạo của BCĐ phòng, chống dịch bệnh Covid-19 huyện, từ 15h00 ngày 05/02/2021:',
  '1. Toàn xã có 1.234 hộ; đến nay 21 bản đã có 105 hộ (8,5%) cài đặt ứng dụng Bluezone.',
  '2. Đề nghị Nhân dân thực hiện 5K; trường hợp F0, F1 báo ngay cho Trạm y tế xã qua số 0912 345 678.',
  "3. Các bản báo cáo về UBND xã trước 16h 00' ngày thứ năm hàng tuần trong tháng 02/2021 (ngày 05 tháng 02 năm 2021 là kỳ đầu)./.",
].join('\n');
